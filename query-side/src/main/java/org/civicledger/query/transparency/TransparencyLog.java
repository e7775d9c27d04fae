package org.civicledger.query.transparency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.civicledger.query.readstore.Page;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transparency log: its entries (in {@code transparency_entry}, beside the events, written by the
 * single {@link TransparencyLogWriter}), its signed checkpoints ({@code transparency_checkpoint}), and
 * the Merkle tree over the entries kept in memory for proofs. Every instance reads what was appended
 * (by itself or another instance) into its tree before answering for a size it has not seen.
 */
public class TransparencyLog {

    /** One entry as stored: its index, the event it records, the bytes that were hashed, the leaf hash. */
    public record Entry(long index, String eventId, byte[] entry, byte[] leafHash) {
    }

    /** A signed checkpoint, as kept. */
    public record Signed(long treeSize, byte[] root, String note, Instant signedAt) {
    }

    private final JdbcTemplate jdbc;
    private final MerkleTree tree = new MerkleTree();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public TransparencyLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Reads the entries appended since this instance last looked into the tree; answers the size. */
    public long refresh() {
        lock.writeLock().lock();
        try {
            long from = tree.size();
            jdbc.query("select log_index, leaf_hash from transparency_entry where log_index >= ? order by log_index",
                    rs -> {
                        long index = rs.getLong(1);
                        if (index != tree.size()) {
                            throw new IllegalStateException("the transparency log has no entry " + tree.size()
                                    + " but one at " + index);
                        }
                        tree.append(rs.getBytes(2));
                    }, from);
            return tree.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public long size() {
        return read(MerkleTree::size);
    }

    /** Stores entries in the caller's transaction (the writer's unit of work). */
    void store(List<Entry> entries) {
        jdbc.batchUpdate("insert into transparency_entry (log_index, event_id, entry, leaf_hash) values (?, ?, ?, ?)",
                entries, 500, (statement, entry) -> {
                    statement.setLong(1, entry.index());
                    statement.setString(2, entry.eventId());
                    statement.setBytes(3, entry.entry());
                    statement.setBytes(4, entry.leafHash());
                });
    }

    /** After the writer's transaction committed: its entries join the tree. */
    void appended(List<Entry> entries) {
        lock.writeLock().lock();
        try {
            for (Entry entry : entries) {
                if (entry.index() == tree.size()) {
                    tree.append(entry.leafHash());
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (!entries.isEmpty() && size() <= entries.get(entries.size() - 1).index()) {
            refresh();
        }
    }

    /** The exact bytes of entry {@code index}, as they were hashed. */
    public Optional<byte[]> entry(long index) {
        return jdbc.query("select entry from transparency_entry where log_index = ?",
                rs -> rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty(), index);
    }

    /** Entries {@code [from, to)}, in order. */
    public List<byte[]> entries(long from, long to) {
        return jdbc.query("select entry from transparency_entry where log_index >= ? and log_index < ? order by log_index",
                (rs, row) -> rs.getBytes(1), from, to);
    }

    /** The log indexes of those of {@code eventIds} the log has taken in. */
    public java.util.Map<String, Long> indexesOf(List<String> eventIds) {
        java.util.Map<String, Long> indexes = new java.util.HashMap<>();
        if (!eventIds.isEmpty()) {
            jdbc.query(connection -> {
                var statement = connection.prepareStatement(
                        "select event_id, log_index from transparency_entry where event_id = any(?)");
                statement.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
                return statement;
            }, rs -> {
                indexes.put(rs.getString(1), rs.getLong(2));
            });
        }
        return indexes;
    }

    public byte[] root(long treeSize) {
        return atSize(treeSize, t -> t.root(treeSize));
    }

    public List<byte[]> inclusionProof(long index, long treeSize) {
        return atSize(treeSize, t -> t.inclusionProof(index, treeSize));
    }

    public List<byte[]> consistencyProof(long from, long to) {
        return atSize(to, t -> t.consistencyProof(from, to));
    }

    private <T> T atSize(long treeSize, Function<MerkleTree, T> answer) {
        if (treeSize > size()) {
            refresh();
        }
        return read(answer);
    }

    private <T> T read(Function<MerkleTree, T> answer) {
        lock.readLock().lock();
        try {
            return answer.apply(tree);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The newest signed checkpoint. */
    public Optional<Signed> latestCheckpoint() {
        return jdbc.query("select tree_size, root_hash, note, signed_at from transparency_checkpoint "
                + "order by tree_size desc limit 1", rs -> rs.next() ? Optional.of(signed(rs)) : Optional.<Signed>empty());
    }

    /** Every signed checkpoint, oldest first. */
    /** The checkpoints of {@code page}, oldest first (one more than its limit when more follow). */
    public List<Signed> checkpoints(Page page) {
        return jdbc.query("select tree_size, root_hash, note, signed_at from transparency_checkpoint order by tree_size "
                + "limit ? offset ?", (rs, row) -> signed(rs), page.fetch(), page.offset());
    }

    public Optional<Signed> checkpoint(long treeSize) {
        return jdbc.query("select tree_size, root_hash, note, signed_at from transparency_checkpoint where tree_size = ?",
                rs -> rs.next() ? Optional.of(signed(rs)) : Optional.<Signed>empty(), treeSize);
    }

    /** Keeps a signed checkpoint; another instance may have signed the same size first, which is as good. */
    void keep(Signed checkpoint) {
        jdbc.update("insert into transparency_checkpoint (tree_size, root_hash, note, signed_at) values (?, ?, ?, ?) "
                + "on conflict (tree_size) do nothing", checkpoint.treeSize(), checkpoint.root(), checkpoint.note(),
                Timestamp.from(checkpoint.signedAt()));
    }

    private static Signed signed(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Signed(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getTimestamp(4).toInstant());
    }
}
