package org.civicledger.query.municipalday;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.bson.Document;
import org.civicledger.query.readmodel.ReadStore;
import org.springframework.stereotype.Component;

/**
 * Reads the figures {@link MunicipalDays} keeps: for a municipality (or the network) over a window of days, the
 * sum of the few stored periods the window is made of — a whole year, month or the whole time is one document
 * (per segment of the pass), and only the days at a window's ragged ends are read one by one — their figures
 * alone, not the day documents they are computed from.
 */
@Component
public class FiguresReader {

    private final ReadStore store;

    public FiguresReader(ReadStore store) {
        this.store = store;
    }

    /** The figures of {@code scope} (a municipality's slug, or {@link MunicipalDays#NETWORK}) over the window. */
    public Figures of(String scope, Window window) {
        List<String> periods = window.periods(scope, years(window));
        Figures total = new Figures();
        for (Document sum : store.shares(MunicipalDays.PERIODS, periods).values()) {
            total.add(Figures.of(sum.get("f", Document.class)));
        }
        return total;
    }

    /** The figures of {@code scope} over one calendar year. */
    public Figures ofYear(String scope, int year) {
        Figures total = new Figures();
        for (Document sum : store.shares(MunicipalDays.PERIODS, scope + "/" + year)) {
            total.add(Figures.of(sum.get("f", Document.class)));
        }
        return total;
    }

    /** The years there are figures for, when the window needs them (a window with an end). */
    private List<Integer> years(Window window) {
        if (window.from() == null && window.until() == null) {
            return List.of();
        }
        TreeSet<Integer> years = new TreeSet<>();
        for (Document calendar : store.shares(MunicipalDays.PERIODS, "calendar")) {
            Document known = calendar.get("years", Document.class);
            if (known != null) {
                known.keySet().forEach(year -> years.add(Integer.parseInt(year)));
            }
        }
        return new ArrayList<>(years);
    }
}
