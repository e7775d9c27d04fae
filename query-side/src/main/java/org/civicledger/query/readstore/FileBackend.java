package org.civicledger.query.readstore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.civicledger.query.readmodel.ReadStoreFile;

/**
 * The embedded MongoDB-wire server's backend over the read store's file: H2's, with every request run as one
 * write between two commits of the file ({@link ReadStoreFile}), so that a commit never holds half of a request,
 * nor a later request (a processor's token) without an earlier one (the saga or dead letter it followed).
 */
final class FileBackend implements MongoBackend {

    private final ReadStoreFile file;
    private final H2Backend backend;

    FileBackend(ReadStoreFile file) {
        this.file = file;
        this.backend = new H2Backend(file.store());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return file.write(() -> backend.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return file.write(() -> backend.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return file.write(() -> backend.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        file.write(() -> backend.dropDatabase(database));
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    /** Closes H2's backend and the file (its last commit) while no request writes. */
    @Override
    public void close() {
        file.close(backend::close);
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
