package org.civicledger.query.readmodel;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models' settings and the store they are kept in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadModelSettings.class)
public class ReadModelConfiguration {

    @Bean
    DocumentStore documentStore(MongoDatabase readStore) {
        return new MongoDocuments(readStore);
    }
}
