package org.civicledger.query.readstore;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Queries read the read store only, so the query bus opens no transaction. Axon's default query bus runs
 * every query inside the application's transaction manager — here the event store's: each read then
 * held a PostgreSQL connection for as long as it took, and slow reads (a dashboard under load) emptied
 * the pool the commands need (measured: 130 of 204 dashboard reads failed waiting for a connection).
 */
@Configuration(proxyBeanMethods = false)
public class ReadsWithoutTransactions {

    @Bean
    QueryBus queryBus(org.axonframework.config.Configuration axon, QueryUpdateEmitter updates) {
        return SimpleQueryBus.builder()
                .transactionManager(NoTransactionManager.instance())
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(org.axonframework.queryhandling.QueryInvocationErrorHandler.class,
                        () -> org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(updates)
                .build();
    }
}
