package io.shadowfeed.deploy.cli;

/** What the command line knows about where its output goes. */
final class Terminal {

    /** Set by bin/shadowfeed from {@code [ -t 2 ]}: Java itself cannot tell whether stderr is a terminal. */
    static final String STDERR_TTY_PROPERTY = "shadowfeed.stderr.tty";

    private Terminal() {}

    static boolean stderrIsTerminal() {
        String flag = System.getProperty(STDERR_TTY_PROPERTY);
        return flag != null ? Boolean.parseBoolean(flag) : System.console() != null;
    }
}
