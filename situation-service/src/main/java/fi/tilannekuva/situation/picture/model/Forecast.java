package fi.tilannekuva.situation.picture.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts a unit's readiness at the deadline from its pace so far: the share of its tracked subtasks done at each
 * round, a straight line fitted through the latest rounds by least squares, extended to the deadline.
 *
 * <p>Why a straight line: the done share of a unit grows as its subtasks are finished one by one, and over the year
 * or two before a deadline the rounds show no curvature worth more parameters than a handful of points can carry (the
 * backtest in the tests shows the error). What it assumes: the pace of the latest {@value #WINDOW} rounds goes on;
 * done subtasks stay done (a falling line is read as no pace, not as the unit undoing its work). The uncertainty band
 * is the line's 80 % prediction interval (Student's t with n − 2 degrees of freedom) with the residual error never
 * taken below {@value #MIN_ERROR} percentage points, the unevenness of reports even when a few points happen to line
 * up. When not to trust it — and the answer says so in {@code cautions}: fewer than {@value #TRUSTED_ROUNDS} rounds
 * ({@code TOO_FEW_ROUNDS}); the roadmap revised between the rounds used ({@code ROADMAP_REVISED}: the line mixes two
 * different denominators); the deadline already passed ({@code DEADLINE_PASSED}: the figure is the last observation).
 */
public final class Forecast {

    /** The most recent rounds the line is fitted through. */
    public static final int WINDOW = 6;

    /** Fewer rounds than this and the forecast is flagged as not to be trusted. */
    public static final int TRUSTED_ROUNDS = 3;

    /** The smallest residual error assumed, in percentage points. */
    public static final double MIN_ERROR = 5.0;

    private static final double DAYS_PER_MONTH = 365.25 / 12;

    /** The 0.9 quantile of Student's t for 1..10 degrees of freedom; beyond that the normal's 1.2816 is used. */
    private static final double[] T90 = {3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372};

    /** One observation: the done percent at a round's instant, under the roadmap version then current. */
    public record Point(Instant at, double donePercent, String roadmapVersion) {}

    /**
     * The forecast of one cell.
     *
     * @param projected the done percent projected at the deadline, 0–100
     * @param low the band's lower end
     * @param high the band's upper end
     * @param pacePerMonth percentage points per month, from the fitted line (never below 0)
     * @param likelyToMiss the projection falls short of the target
     * @param roundsUsed how many rounds the line went through
     * @param cautions why not to trust it, empty when nothing is known against it
     */
    public record Result(
            double projected,
            double low,
            double high,
            double pacePerMonth,
            boolean likelyToMiss,
            int roundsUsed,
            List<String> cautions) {}

    private Forecast() {}

    /**
     * The forecast at the deadline from the observations, oldest first.
     *
     * @param target the done percent the unit must reach, e.g. 100
     * @return null when there is no observation
     */
    public static Result at(List<Point> points, Instant deadline, double target) {
        if (points.isEmpty()) {
            return null;
        }
        List<String> cautions = new ArrayList<>();
        List<Point> used = points.subList(Math.max(0, points.size() - WINDOW), points.size());
        Point last = used.get(used.size() - 1);
        if (!last.at().isBefore(deadline)) {
            cautions.add("DEADLINE_PASSED");
            return new Result(
                    round(last.donePercent()),
                    round(last.donePercent()),
                    round(last.donePercent()),
                    0,
                    last.donePercent() < target,
                    1,
                    cautions);
        }
        int n = used.size();
        if (n < TRUSTED_ROUNDS) {
            cautions.add("TOO_FEW_ROUNDS");
        }
        if (used.stream().map(Point::roadmapVersion).distinct().count() > 1) {
            cautions.add("ROADMAP_REVISED");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = months(used.get(0).at(), used.get(i).at());
            y[i] = used.get(i).donePercent();
        }
        double xd = months(used.get(0).at(), deadline);
        double meanX = mean(x);
        double meanY = mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        double slope = sxx == 0 ? 0 : Math.max(0, sxy / sxx);
        // the fitted line at the deadline, never below the last observation; with no pace, the last observation
        double projected = slope == 0 ? last.donePercent() : Math.max(last.donePercent(), meanY + slope * (xd - meanX));
        double residuals = 0;
        for (int i = 0; i < n; i++) {
            double fitted = meanY + slope * (x[i] - meanX);
            residuals += (y[i] - fitted) * (y[i] - fitted);
        }
        double error = n > 2 ? Math.max(MIN_ERROR, Math.sqrt(residuals / (n - 2))) : MIN_ERROR;
        double leverage = sxx == 0 ? 0 : (xd - meanX) * (xd - meanX) / sxx;
        double spread = t90(n - 2) * error * Math.sqrt(1 + 1.0 / n + leverage);
        double low = clamp(Math.max(last.donePercent(), projected - spread));
        double high = clamp(projected + spread);
        projected = clamp(projected);
        return new Result(
                round(projected), round(low), round(high), round(slope), projected < target, n, List.copyOf(cautions));
    }

    private static double t90(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            return T90[0];
        }
        return degreesOfFreedom <= T90.length ? T90[degreesOfFreedom - 1] : 1.2816;
    }

    private static double months(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 86_400.0 / DAYS_PER_MONTH;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
