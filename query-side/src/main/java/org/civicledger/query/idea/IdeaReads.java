package org.civicledger.query.idea;

import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.query.readstore.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of ideas. */
@RestController
@RequestMapping("/api/v1/ideas")
class IdeaReads {

    private final QueryGateway queries;

    IdeaReads(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{ideaId}")
    IdeaView idea(@PathVariable String ideaId) {
        String id = IdeaId.parse(ideaId).value().toString();
        Optional<IdeaView> idea = queries.query(new FindIdea(id), ResponseTypes.optionalInstanceOf(IdeaView.class)).join();
        return idea.orElseThrow(() -> NotFound.because("No idea " + id + " is known (yet)"));
    }
}
