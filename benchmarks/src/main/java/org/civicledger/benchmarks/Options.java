package org.civicledger.benchmarks;

/** The harnesses' command-line options: {@code --name value}. */
final class Options {

    private Options() {
    }

    static String of(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
