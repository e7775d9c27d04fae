package io.kurrent.dbclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the KurrentDB engine's unit tests need from the client that the client keeps package-private:
 * records as the server would return them, a server's answers, and a look at the options the engine
 * sends (expected stream state, start position, server-side filter). Test code only.
 */
public final class ClientParts {

    private ClientParts() {
    }

    /** A record as the server returns it, written from {@code data}. */
    public static ResolvedEvent recorded(String stream, long revision, Position position, EventData data) {
        RecordedEvent event = new RecordedEvent(stream, revision, data.getEventId(), position,
                Map.of("type", data.getEventType(), "content-type", data.getContentType(), "created", "0"),
                data.getEventData(), data.getUserMetadata());
        return new ResolvedEvent(event, null, position);
    }

    public static ReadResult readResult(List<ResolvedEvent> events) {
        return new ReadResult(events, 0, Math.max(0, events.size() - 1), null);
    }

    public static WriteResult written(long nextRevision) {
        return new WriteResult(StreamState.streamRevision(nextRevision), new Position(1, 1));
    }

    public static WrongExpectedVersionException conflict(String stream) {
        return new WrongExpectedVersionException(stream, StreamState.noStream(), StreamState.streamRevision(0));
    }

    public static StreamNotFoundException notFound(String stream) {
        return new StreamNotFoundException(stream);
    }

    public static StreamState expectedState(AppendToStreamOptions options) {
        return options.getStreamState();
    }

    public static StreamPosition<Position> startOf(SubscribeToAllOptions options) {
        return options.getPosition();
    }

    public static StreamPosition<Long> startOf(ReadStreamOptions options) {
        return options.getStartingRevision();
    }

    public static Direction directionOf(ReadStreamOptions options) {
        return options.getDirection();
    }

    /** The stream-name prefixes of a subscription's server-side filter. */
    public static List<String> streamPrefixes(SubscribeToAllOptions options) throws ReflectiveOperationException {
        SubscriptionFilter filter = options.getFilter();
        if (filter == null) {
            return List.of();
        }
        java.lang.reflect.Field field = SubscriptionFilter.class.getDeclaredField("filter");
        field.setAccessible(true);
        EventFilter eventFilter = (EventFilter) field.get(filter);
        List<String> prefixes = new ArrayList<>();
        if (eventFilter instanceof StreamFilter) {
            for (PrefixFilterExpression prefix : eventFilter.getPrefixFilterExpressions()) {
                prefixes.add(prefix.toString());
            }
        }
        return prefixes;
    }

    public static Checkpointer checkpointerOf(SubscribeToAllOptions options) {
        return options.getFilter().getCheckpointer();
    }

    public static UUID idOf(EventData data) {
        return data.getEventId();
    }
}
