package io.shadowfeed.deploy.local;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class (the Kafka broker) and exits when the JVM that launched it is gone. Shutdown hooks do not
 * run when the launcher is killed with SIGKILL (or by a test timeout); this keeps such a kill from leaving an orphan
 * broker holding its ports. {@code System.exit} still runs the broker's own clean shutdown.
 *
 * <p>Usage: {@code java -Dshadowfeed.parent.pid=PID -cp ... ParentWatchdogMain MAIN_CLASS ARGS...}
 */
public final class ParentWatchdogMain {

    static final String PARENT_PID_PROPERTY = "shadowfeed.parent.pid";

    private ParentWatchdogMain() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ParentWatchdogMain MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        String parent = System.getProperty(PARENT_PID_PROPERTY);
        if (parent != null) {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(() -> {
                        System.err.println("launcher (pid " + parent + ") exited; shutting down");
                        System.exit(0);
                    }),
                    () -> System.exit(0));
        }
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
