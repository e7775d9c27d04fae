package org.civicledger.query.idea;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.civicledger.domain.idea.ActionForwarded;
import org.civicledger.domain.idea.CsoValidationRecorded;
import org.civicledger.domain.idea.IdeaAmended;
import org.civicledger.domain.idea.IdeaAnswered;
import org.civicledger.domain.idea.IdeaCompleted;
import org.civicledger.domain.idea.IdeaHidden;
import org.civicledger.domain.idea.IdeaRestored;
import org.civicledger.domain.idea.IdeaStatus;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.idea.IdeaTextRedacted;
import org.civicledger.domain.idea.IdeaValidated;
import org.civicledger.domain.idea.ProgressReported;
import org.civicledger.domain.idea.ValidationDecision;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.domain.vote.VoteWithdrawn;
import org.civicledger.query.readmodel.Documents;
import org.civicledger.query.readmodel.Fact;
import org.civicledger.query.readmodel.Projection;
import org.civicledger.query.readmodel.Rank;
import org.civicledger.query.readmodel.ReadCollection;
import org.civicledger.query.readstore.SealedDocuments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code ideas}, one document per idea holding everything its page shows — its texts (sealed), status,
 * validations, action, answer, progress, moderation and the count of its votes — and {@code ballots}, what the
 * vote count is made of: for every person's ballot on the idea, the version of it last applied.
 *
 * <p>An idea's own events apply once by the idea's version ({@code version}, its stream's sequence number). A
 * vote applies once by its ballot's version: the ballots of an idea are kept in {@value #BALLOT_SHARES} shares
 * (by the voter's pseudonym), each with its count of ballots that count now; the idea's count is the sum of its
 * shares' counts, copied from them. The idea is written before its ballots ({@link Rank}): a stop between the
 * two leaves ballots behind, which the same votes, applied again, bring to the count the idea already shows.
 */
@Component
@Order(1)
public class IdeaProjection implements Projection {

    public static final ReadCollection IDEAS = ReadCollection.of("ideas", Rank.VIEW);
    public static final ReadCollection BALLOTS = ReadCollection.of("ballots", Rank.RECORD);
    static final int BALLOT_SHARES = 16;
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** One person's ballot as last applied: its version, whether it counts, the day it counts on and the day before. */
    public record Ballot(long version, boolean counted, int day, int previousDay) {

        static Ballot unpacked(Number packed) {
            if (packed == null) {
                return null;
            }
            long bits = packed.longValue();
            return new Ballot(bits >>> 35, (bits >>> 34 & 1) == 1, (int) (bits >>> 17 & 0x1FFFF) - 1, (int) (bits & 0x1FFFF) - 1);
        }

        /** One number: version, counted, day + 1 and day before + 1 (days since 1970, -1 for none). */
        long packed() {
            if (version >= 1L << 28 || day + 1 >= 1 << 17 || previousDay + 1 >= 1 << 17) {
                throw new IllegalStateException("A ballot beyond what its record holds: " + this);
            }
            return version << 35 | (counted ? 1L : 0L) << 34 | (long) (day + 1) << 17 | (previousDay + 1);
        }
    }

    @Override
    public Set<Class<?>> handles() {
        return Set.of(IdeaSubmitted.class, IdeaAmended.class, CsoValidationRecorded.class, IdeaValidated.class,
                ActionForwarded.class, IdeaAnswered.class, ProgressReported.class, IdeaCompleted.class, IdeaHidden.class,
                IdeaRestored.class, IdeaTextRedacted.class, VoteCast.class, VoteWithdrawn.class);
    }

    @Override
    public void apply(Fact fact, Documents documents) {
        Object event = fact.payload();
        if (event instanceof VoteCast cast) {
            ballot(documents, cast.ideaId(), cast.voterPseudonym(), fact, true);
        } else if (event instanceof VoteWithdrawn withdrawn) {
            ballot(documents, withdrawn.ideaId(), withdrawn.voterPseudonym(), fact, false);
        } else if (event instanceof IdeaSubmitted submitted) {
            submitted(documents, submitted, fact);
        } else {
            Document idea = documents.find(IDEAS, org.civicledger.query.readmodel.FactKeys.keyOf(fact.payload()));
            if (idea == null || idea.get("version", Number.class).longValue() >= fact.sequence()) {
                return; // applied already (or the idea is unknown here: nothing to change)
            }
            change(idea, event, fact.at());
            idea.put("version", fact.sequence());
            documents.changed(IDEAS, idea);
        }
    }

    private static void submitted(Documents documents, IdeaSubmitted event, Fact fact) {
        if (documents.find(IDEAS, event.ideaId()) != null) {
            return;
        }
        Document idea = documents.findOrMake(IDEAS, event.ideaId());
        idea.append("version", fact.sequence())
                .append("municipalityId", event.municipalityId())
                .append("localCommunity", event.localCommunity())
                .append("topic", event.topic())
                .append("title", SealedDocuments.of(event.title()))
                .append("description", SealedDocuments.of(event.description()))
                .append("language", event.language())
                .append("channel", event.channel().name())
                .append("status", IdeaStatus.SUBMITTED.name())
                .append("ideaVersion", 1)
                .append("validations", new ArrayList<Document>())
                .append("hidden", false)
                .append("submittedAt", Date.from(fact.at()))
                .append("votes", 0L)
                .append("voteShares", new Document());
    }

    private static void change(Document idea, Object event, Instant at) {
        if (event instanceof IdeaAmended amended) {
            validations(idea).forEach(v -> v.put("current", false)); // the new version is validated afresh
            idea.append("localCommunity", amended.localCommunity()).append("topic", amended.topic())
                    .append("title", SealedDocuments.of(amended.title()))
                    .append("description", SealedDocuments.of(amended.description()))
                    .append("language", amended.language()).append("ideaVersion", amended.version())
                    .append("status", IdeaStatus.SUBMITTED.name());
        } else if (event instanceof CsoValidationRecorded validation) {
            List<Document> validations = validations(idea);
            validations.forEach(v -> {
                if (v.getString("csoId").equals(validation.csoId())) {
                    v.put("current", false);
                }
            });
            validations.add(new Document("csoId", validation.csoId()).append("decision", validation.decision().name())
                    .append("reason", SealedDocuments.of(validation.reason())).append("ideaVersion", validation.ideaVersion())
                    .append("current", true).append("at", Date.from(at)));
            boolean changesRequested = validations.stream().anyMatch(v -> v.getBoolean("current")
                    && ValidationDecision.REQUEST_CHANGES.name().equals(v.getString("decision")));
            idea.put("status", (changesRequested ? IdeaStatus.CHANGES_REQUESTED : IdeaStatus.SUBMITTED).name());
        } else if (event instanceof IdeaValidated) {
            idea.put("status", IdeaStatus.VALIDATED.name());
        } else if (event instanceof ActionForwarded forwarded) {
            idea.put("status", IdeaStatus.FORWARDED.name());
            idea.put("action", new Document("csoId", forwarded.csoId()).append("kind", forwarded.kind().name())
                    .append("description", SealedDocuments.of(forwarded.description())).append("at", Date.from(at)));
        } else if (event instanceof IdeaAnswered answered) {
            idea.put("status", answered.decision().name());
            if (idea.getDate("firstAnsweredAt") == null) {
                idea.put("firstAnsweredAt", Date.from(at));
            }
            List<String> decisions = new ArrayList<>(idea.getList("answerDecisions", String.class, List.of()));
            if (!decisions.contains(answered.decision().name())) {
                decisions.add(answered.decision().name());
            }
            idea.put("answerDecisions", decisions);
            idea.put("response", new Document("decision", answered.decision().name())
                    .append("rationale", SealedDocuments.of(answered.rationale())).append("department", answered.department())
                    .append("at", Date.from(at)));
        } else if (event instanceof ProgressReported progress) {
            idea.put("progress", new Document("percent", progress.percent())
                    .append("note", SealedDocuments.of(progress.note())).append("at", Date.from(at)));
        } else if (event instanceof IdeaCompleted) {
            idea.put("status", IdeaStatus.COMPLETED.name());
        } else if (event instanceof IdeaHidden hidden) {
            moderation(idea, true, hidden.reason(), at);
        } else if (event instanceof IdeaRestored restored) {
            moderation(idea, false, restored.reason(), at);
        } else if (event instanceof IdeaTextRedacted redacted) {
            // the text's key is gone already; the document keeps what was redacted, and when, for the idea's page
            List<Document> redactions = new ArrayList<>(idea.getList("redactions", Document.class, List.of()));
            redactions.add(new Document("version", redacted.version()).append("field", redacted.field())
                    .append("at", Date.from(at)));
            idea.put("redactions", redactions);
        }
    }

    private static List<Document> validations(Document idea) {
        return idea.getList("validations", Document.class);
    }

    private static void moderation(Document idea, boolean hidden, SealedText reason, Instant at) {
        idea.put("hidden", hidden);
        idea.put("moderation", new Document("hidden", hidden).append("reason", SealedDocuments.of(reason))
                .append("at", Date.from(at)));
    }

    /** Event {@code fact} of {@code voter}'s ballot for {@code ideaId}: it counts now ({@code counts}), or not. */
    private static void ballot(Documents documents, String ideaId, String voter, Fact fact, boolean counts) {
        Document idea = documents.find(IDEAS, ideaId);
        if (idea == null) { // a ballot's idea is stored before it and comes first in the pass: never so
            throw new IllegalStateException("A vote for idea " + ideaId + ", which the read models do not know");
        }
        int share = shareOf(voter);
        Document ballots = documents.findOrMake(BALLOTS, ideaId + ":" + share);
        Document byVoter = ballots.get("b", Document.class);
        if (byVoter == null) {
            byVoter = new Document();
            ballots.put("b", byVoter);
        }
        String mark = markOf(voter);
        Ballot before = Ballot.unpacked(byVoter.get(mark, Number.class));
        Number stored = ballots.get("n", Number.class);
        long counted = stored == null ? 0 : stored.longValue();
        if (before != null && before.version() >= fact.sequence()) {
            // applied already; the idea's count is copied again from the share, in case the idea's write was lost
            // while its ballots' was kept (a store that does not keep writes in their order)
            countShare(documents, idea, share, counted);
            return;
        }
        int day = counts ? (int) Math.floorDiv(fact.at().getEpochSecond(), 86_400) : before == null ? -1 : before.day();
        Ballot now = new Ballot(fact.sequence(), counts, day, before == null ? -1 : before.day());
        byVoter.put(mark, now.packed());
        counted += (counts ? 1 : 0) - (before != null && before.counted() ? 1 : 0);
        ballots.put("n", counted);
        documents.changed(BALLOTS, ballots);
        countShare(documents, idea, share, counted);
    }

    /** The idea's count of one share of its ballots, and its count of votes, the sum of its shares'. */
    private static void countShare(Documents documents, Document idea, int share, long counted) {
        Document shares = idea.get("voteShares", Document.class);
        Number shown = shares.get(Integer.toString(share), Number.class);
        if (shown != null && shown.longValue() == counted) {
            return;
        }
        shares.put(Integer.toString(share), counted);
        idea.put("votes", shares.values().stream().mapToLong(n -> ((Number) n).longValue()).sum());
        documents.changed(IDEAS, idea);
    }

    /** The ballot of {@code voter} for {@code ideaId} as last applied, or null: for projections that follow the votes. */
    public static Ballot ballotOf(Documents documents, String ideaId, String voter) {
        Document ballots = documents.find(BALLOTS, ideaId + ":" + shareOf(voter));
        Document byVoter = ballots == null ? null : ballots.get("b", Document.class);
        return byVoter == null ? null : Ballot.unpacked(byVoter.get(markOf(voter), Number.class));
    }

    private static int shareOf(String voter) {
        return Math.floorMod(voter.hashCode(), BALLOT_SHARES);
    }

    /** The name a ballot is kept under: the pseudonym itself, when it is a field name MongoDB accepts. */
    static String markOf(String voter) {
        return markOfPseudonym(voter);
    }

    /** A pseudonym as a field name MongoDB accepts (itself, or its base64 behind a tilde). */
    public static String markOfPseudonym(String voter) {
        return FIELD_NAME.matcher(voter).matches() ? voter
                : "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(voter.getBytes(StandardCharsets.UTF_8));
    }
}
