package org.civicledger.query.readmodel;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models' settings and the store they are kept in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadModelSettings.class)
public class ReadModelConfiguration {

    /**
     * The embedded default keeps the read models in this process ({@link MemoryDocuments}); with a MongoDB server
     * configured, they are kept there ({@link MongoDocuments}).
     */
    @Bean
    DocumentStore documentStore(MongoDatabase readStore,
                                org.civicledger.query.readstore.ReadStoreConfiguration.EmbeddedReadStore embedded) {
        return embedded.documents() != null ? embedded.documents() : new MongoDocuments(readStore);
    }
}
