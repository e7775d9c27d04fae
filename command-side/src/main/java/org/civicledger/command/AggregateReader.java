package org.civicledger.command;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Reads the current state of an aggregate from its events without locking it, for rules that must
 * look at another aggregate (a ballot asks its idea whether it is open). Locking would make every
 * vote on a popular idea wait for the previous one; a read needs no lock, and the aggregate that
 * changes still guards its own invariants.
 */
public class AggregateReader {

    private final Configuration axon;
    private final Map<Class<?>, EventSourcingRepository<?>> repositories = new ConcurrentHashMap<>();

    /** @param axon Axon's configuration, for the event store and the handler parameter resolvers */
    public AggregateReader(Configuration axon) {
        this.axon = axon;
    }

    /** Applies {@code read} to the aggregate's current state; empty if there is no such aggregate. */
    public <T, R> Optional<R> read(Class<T> type, String aggregateId, Function<T, R> read) {
        if (CurrentUnitOfWork.isStarted()) {
            return load(type, aggregateId, read);
        }
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> load(type, aggregateId, read)).getPayload();
    }

    @SuppressWarnings("unchecked")
    private <T, R> Optional<R> load(Class<T> type, String aggregateId, Function<T, R> read) {
        EventSourcingRepository<T> repository = (EventSourcingRepository<T>) repositories.computeIfAbsent(type,
                t -> EventSourcingRepository.builder(t)
                        .eventStore(axon.eventStore())
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        .handlerDefinition(axon.handlerDefinition(t))
                        .lockFactory(NullLockFactory.INSTANCE)
                        .build());
        try {
            return Optional.ofNullable(repository.load(aggregateId).invoke(read));
        } catch (AggregateNotFoundException absent) {
            return Optional.empty();
        }
    }
}
