package org.civicledger.query.idea;

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

    private final IdeaReader ideas;

    IdeaReads(IdeaReader ideas) {
        this.ideas = ideas;
    }

    @GetMapping("/{ideaId}")
    IdeaView idea(@PathVariable String ideaId) {
        String id = IdeaId.parse(ideaId).value().toString();
        return ideas.find(id).orElseThrow(() -> NotFound.because("No idea " + id + " is known (yet)"));
    }
}
