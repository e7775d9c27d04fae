package org.civicledger.benchmarks;

/** The harnesses' command-line options: {@code --name value}. */
public final class Options {

    private Options() {
    }

    public static String of(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
