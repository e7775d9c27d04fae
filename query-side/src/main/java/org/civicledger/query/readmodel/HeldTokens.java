package org.civicledger.query.readmodel;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * The tokens of the read-model passes: stored in the read store beside the documents they describe, but only
 * once the changes of the events up to them are written. The processor stores a token after every batch; when
 * changes of that batch still wait in the pass's {@link WorkingSet}, the token waits with them and is stored right
 * after their write. A stop at any moment therefore leaves no token ahead of the documents.
 */
final class HeldTokens implements TokenStore {

    private final TokenStore tokens;
    /** The working set of a pass's segment, if that pass holds it here. */
    private final Function<String, OnePass> passes;

    HeldTokens(TokenStore tokens, Function<String, OnePass> passes) {
        this.tokens = tokens;
        this.passes = passes;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        OnePass pass = passes.apply(processorName);
        if (pass == null) {
            tokens.storeToken(token, processorName, segment);
            return;
        }
        WorkingSet documents = pass.workingSet(segment);
        documents.lock().lock();
        try {
            documents.hold(() -> tokens.storeToken(token, processorName, segment));
            if (documents.holdsToken()) {
                tokens.extendClaim(processorName, segment); // the segment stays this pass's while its token waits
            }
        } finally {
            documents.lock().unlock();
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        OnePass pass = passes.apply(processorName);
        if (pass != null) {
            pass.segmentReleased(Segment.computeSegment(segment, tokens.fetchSegments(processorName)));
        }
        tokens.releaseClaim(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return tokens.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return tokens.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        tokens.extendClaim(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        tokens.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        tokens.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        tokens.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        tokens.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return tokens.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return tokens.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return tokens.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return tokens.retrieveStorageIdentifier();
    }
}
