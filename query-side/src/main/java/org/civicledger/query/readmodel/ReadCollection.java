package org.civicledger.query.readmodel;

/**
 * A collection of the read store as the one pass keeps it: its name (without the generation it belongs to) and
 * its {@link Rank}. Each collection has one owner, the projection that writes it, and one typed reader that the
 * rest of the system calls.
 */
public record ReadCollection(String name, Rank rank) {

    public ReadCollection {
        if (!name.matches("[a-zA-Z][a-zA-Z0-9]*")) {
            throw new IllegalArgumentException("A read collection's name is letters and digits: " + name);
        }
    }

    public static ReadCollection of(String name, Rank rank) {
        return new ReadCollection(name, rank);
    }
}
