package io.shadowfeed.privacy.keys;

import java.io.Serializable;
import java.util.Map;

/** Where environment variables are read from: the process environment, or a fixed map in tests. */
interface Environment extends Serializable {

    String get(String name);

    /** The process environment, read on the side that calls {@link #get}. */
    Environment SYSTEM = new SystemEnvironment();

    static Environment of(Map<String, String> variables) {
        return new MapEnvironment(Map.copyOf(variables));
    }

    /** A singleton-by-class so that equals holds across serialization. */
    final class SystemEnvironment implements Environment {
        private static final long serialVersionUID = 1L;

        @Override
        public String get(String name) {
            return System.getenv(name);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SystemEnvironment;
        }

        @Override
        public int hashCode() {
            return SystemEnvironment.class.hashCode();
        }

        private Object readResolve() {
            return SYSTEM;
        }
    }

    /** For tests only; holds values, so it must never carry real keys into a job graph. */
    record MapEnvironment(Map<String, String> variables) implements Environment {
        @Override
        public String get(String name) {
            return variables.get(name);
        }

        @Override
        public String toString() {
            return "MapEnvironment" + variables.keySet();
        }
    }
}
