package org.civicledger.query.idea;

import com.mongodb.client.MongoDatabase;
import org.civicledger.query.readstore.HomeMunicipality;
import org.springframework.stereotype.Component;

/** The municipality each idea was left for, shared by the projections that file votes and contributions under it. */
@Component
public class IdeaHomes extends HomeMunicipality {

    public IdeaHomes(MongoDatabase readStore) {
        super(readStore.getCollection(IdeaProjection.COLLECTION));
    }
}
