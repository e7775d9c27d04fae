package org.civicledger.query.readstore;

import java.util.List;
import org.civicledger.domain.shared.InvalidField;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Which part of a list a client asked for: {@code offset} (from 0) and {@code limit} (1 to {@value #MOST},
 * {@value #USUAL} when not given). A list read answers one page as a JSON array and, when more follow,
 * a {@code Link: <…>; rel="next"} header (RFC 8288) with the address of the next page. Queries answer
 * one item more than the limit ({@link #fetch()}), so the answer knows whether a next page exists
 * without counting the whole collection.
 */
public record Page(int offset, int limit) {

    public static final int USUAL = 200;
    public static final int MOST = 1000;
    public static final int FARTHEST = 1_000_000;
    /** The whole list, for the system's own use (exports, dashboards); never from a request. */
    public static final Page EVERYTHING = new Page(0, Integer.MAX_VALUE - 1);

    /** The page a request names; {@code null} parameters take their usual values. */
    public static Page requested(String offset, String limit) {
        return new Page(number("offset", offset, 0, 0, FARTHEST), number("limit", limit, USUAL, 1, MOST));
    }

    private static int number(String name, String given, int usual, int least, int most) {
        if (given == null) {
            return usual;
        }
        try {
            int value = Integer.parseInt(given.trim());
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidField(name, "must be a whole number from " + least + " to " + most);
    }

    /** How many items a query answers: one more than the limit, to tell whether a next page exists. */
    public int fetch() {
        return limit + 1;
    }

    /** This page of a list already in memory, with one item more when there is a next page. */
    public <T> List<T> of(List<T> all) {
        int from = Math.min(offset, all.size());
        return all.subList(from, (int) Math.min(all.size(), (long) from + fetch()));
    }

    /** The answer to the request: at most {@code limit} items, and a link to the next page if {@code fetched} had more. */
    public <T> ResponseEntity<List<T>> answer(List<T> fetched) {
        if (fetched.size() <= limit) {
            return ResponseEntity.ok(fetched);
        }
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("offset", offset + limit).replaceQueryParam("limit", limit).build().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(fetched.subList(0, limit));
    }
}
