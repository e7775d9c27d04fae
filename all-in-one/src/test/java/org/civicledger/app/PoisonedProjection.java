package org.civicledger.app;

import java.util.concurrent.atomic.AtomicBoolean;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.shared.TextVault;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A projection with a defect, present only when {@code civic.test.poison-title} is set: it fails on
 * every idea whose title contains that text, until the test "fixes" it.
 */
@Component
@ConditionalOnProperty("civic.test.poison-title")
class PoisonedProjection implements org.civicledger.query.readmodel.Projection {

    static final AtomicBoolean FIXED = new AtomicBoolean();

    private final String poison;
    private final TextVault texts;

    PoisonedProjection(org.springframework.core.env.Environment environment, TextVault texts) {
        this.poison = environment.getProperty("civic.test.poison-title");
        this.texts = texts;
    }

    @Override
    public java.util.Set<Class<?>> handles() {
        return java.util.Set.of(IdeaSubmitted.class);
    }

    @Override
    public void apply(org.civicledger.query.readmodel.Fact fact, org.civicledger.query.readmodel.Documents documents) {
        IdeaSubmitted event = (IdeaSubmitted) fact.payload();
        if (!FIXED.get() && texts.open(event.title()).text().contains(poison)) {
            throw new IllegalStateException("a defect in a projection, for the test");
        }
    }
}
