package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.Tradeoff;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.export.Numbers;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.api.TradeoffCurve;
import org.sdaplanner.web.api.TradeoffPoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.sdaplanner.export.Numbers.round;

/**
 * The trade-off curve ({@link Tradeoff}: the best plan at ±10 … 40 % and no bound) for the page, as
 * {@code sda build --tradeoff} works it out. On C&amp;P it is seven builds, several seconds each, so it is
 * worked out on one background thread, one curve at a time, and never on a request's thread: a request
 * starts it and answers at once with the points found so far. The curve is deterministic, so it is kept
 * per choice of options (the region is the server's) and asked again for free.
 */
public final class TradeoffCurves implements AutoCloseable {
    /** Curves kept; the least recently asked is dropped first. */
    static final int KEPT = 16;
    /** Curves waiting or running at once; more answer 503 until one is done. */
    static final int WAITING = 3;

    private final Plans plans;
    private final PlanningProblem problem;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sda-tradeoff");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY); // requests first: the curve can wait
        return t;
    });
    private final Map<ClusterOptions, Curve> curves = new LinkedHashMap<>(16, 0.75f, true);

    public TradeoffCurves(Plans plans, PlanningProblem problem) {
        this.plans = plans;
        this.problem = problem;
    }

    /** One curve as it is being worked out. Guarded by its own monitor. */
    private static final class Curve {
        final String counts;
        final List<Tradeoff.Point> points = new ArrayList<>();
        boolean finished;
        String error;

        Curve(String counts) {
            this.counts = counts;
        }

        synchronized boolean isDone() {
            return finished;
        }
    }

    /**
     * The curve for the choices of {@code spec} (its largest deviation is what the curve sweeps, so it is not
     * part of the question), started when it is not known yet. Choices that cannot be built answer 400 before
     * any work.
     */
    public TradeoffCurve curve(PlanSpec spec) {
        ClusterOptions options = plans.options(spec).withMaxDeviation(null);
        Curve c;
        synchronized (curves) {
            c = curves.get(options);
            if (c == null) {
                long busy = curves.values().stream().filter(x -> !x.isDone()).count();
                if (busy >= WAITING) {
                    throw new ApiException(503, "the server is already working out " + busy + " trade-off curves: ask again"
                            + " in a minute");
                }
                Curve fresh = new Curve(options.counts().describe());
                curves.put(options, fresh);
                while (curves.size() > KEPT) {
                    curves.remove(curves.keySet().iterator().next());
                }
                worker.execute(() -> work(fresh, options));
                c = fresh;
            }
        }
        return answer(c);
    }

    private void work(Curve c, ClusterOptions options) {
        try {
            for (Double d : Tradeoff.DEVIATIONS) {
                Tradeoff.Point p = Tradeoff.point(problem, options, d);
                synchronized (c) {
                    c.points.add(p);
                }
            }
        } catch (RuntimeException e) {
            synchronized (c) {
                c.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        } finally {
            synchronized (c) {
                c.finished = true;
            }
        }
    }

    private static TradeoffCurve answer(Curve c) {
        synchronized (c) {
            List<TradeoffPoint> points = c.points.stream().map(TradeoffCurves::point).toList();
            String status = c.error != null ? "failed" : c.finished ? "done" : "running";
            return new TradeoffCurve(status, points.size(), Tradeoff.DEVIATIONS.size(), c.counts, points, c.error);
        }
    }

    private static TradeoffPoint point(Tradeoff.Point p) {
        if (p.plan() == null) {
            return new TradeoffPoint(p.maxDeviation(), null, null, null, null, null, null, p.infeasible());
        }
        var s = p.plan().summary();
        var c = p.plan().certificate();
        boolean bound = Double.isFinite(c.upperBound());
        return new TradeoffPoint(p.maxDeviation(), round(s.alignment(), 4), bound ? Numbers.roundUp(c.upperBound(), 4) : null,
                bound ? Numbers.roundUp(c.gap(), 4) : null, round(s.maxDeviation(), 4), s.areas(), c.optimal(), null);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
