package fi.tilannekuva.situation.picture.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The readiness forecast, proved on generated histories whose outcome is known: each simulated unit × group has 8–40
 * tracked subtasks finished at a random pace (a Poisson process per month), a third of them changing pace once on the
 * way; monthly rounds for 18 months, the deadline at the 18th. The forecast is made from the first rounds only and
 * scored against what the unit actually reached at the deadline, beside the naive forecast "it stays where it is".
 * The figures are printed and in the README ("Readiness forecast").
 */
class ForecastBacktestTest {

    private static final Instant START = Instant.parse("2021-01-31T21:00:00Z");
    private static final int MONTHS = 18;
    private static final int CELLS = 2_000;

    record Score(double meanAbsoluteError, double naiveError, double coverage, double missAccuracy) {}

    @Test
    void forecastsFromTheFirstRoundsLandNearTheOutcomeAndBeatStandingStill() {
        Score three = backtest(3);
        Score six = backtest(6);
        Score nine = backtest(9);
        System.out.printf(
                "Forecast backtest (%d generated cells, deadline at round %d):%n"
                        + "  rounds used | mean abs error | naive error | outcome inside 80%% band | likelyToMiss right%n",
                CELLS, MONTHS);
        for (var row : List.of(List.of(3, three), List.of(6, six), List.of(9, nine))) {
            Score s = (Score) row.get(1);
            System.out.printf(
                    "  %11d | %11.1f pp | %8.1f pp | %22.0f %% | %16.0f %%%n",
                    (Integer) row.get(0),
                    s.meanAbsoluteError(),
                    s.naiveError(),
                    100 * s.coverage(),
                    100 * s.missAccuracy());
        }
        // From six rounds of eighteen: within 10 points on average, a third of standing still's error at most, the
        // 80 % band holding the outcome at least four times in five, and the miss flag right four times in five
        // (most misses are near 100 %, where a few points decide).
        assertTrue(six.meanAbsoluteError() < 10, "error " + six);
        assertTrue(six.meanAbsoluteError() < six.naiveError() / 3, "beats the naive forecast: " + six);
        assertTrue(six.coverage() >= 0.8, "coverage " + six);
        assertTrue(six.missAccuracy() >= 0.8, "likelyToMiss " + six);
        // more rounds, a better forecast
        assertTrue(nine.meanAbsoluteError() < six.meanAbsoluteError(), nine + " vs " + six);
        assertTrue(nine.missAccuracy() > three.missAccuracy(), nine + " vs " + three);
        assertTrue(six.meanAbsoluteError() < three.meanAbsoluteError(), six + " vs " + three);
    }

    private static Score backtest(int roundsUsed) {
        Random random = new Random(20211031L);
        Instant deadline = month(MONTHS);
        double error = 0;
        double naive = 0;
        int inside = 0;
        int rightAboutMissing = 0;
        for (int cell = 0; cell < CELLS; cell++) {
            List<Double> history = history(random);
            List<Forecast.Point> points = new ArrayList<>();
            for (int m = 1; m <= roundsUsed; m++) {
                points.add(new Forecast.Point(month(m), history.get(m), "v1"));
            }
            Forecast.Result result = Forecast.at(points, deadline, 100);
            double outcome = history.get(MONTHS);
            error += Math.abs(result.projected() - outcome);
            naive += Math.abs(history.get(roundsUsed) - outcome);
            inside += outcome >= result.low() - 0.05 && outcome <= result.high() + 0.05 ? 1 : 0;
            rightAboutMissing += result.likelyToMiss() == (outcome < 100) ? 1 : 0;
        }
        return new Score(error / CELLS, naive / CELLS, (double) inside / CELLS, (double) rightAboutMissing / CELLS);
    }

    /** The done percent at months 0..MONTHS of one generated unit × group, as the picture would count it. */
    private static List<Double> history(Random random) {
        int tracked = 8 + random.nextInt(33);
        // subtasks a month: from a unit that will finish far too late to one that finishes early
        double pace = tracked * (0.02 + 0.09 * random.nextDouble());
        int changeAt = random.nextDouble() < 1.0 / 3 ? 4 + random.nextInt(12) : Integer.MAX_VALUE;
        double changedPace = pace * (0.5 + random.nextDouble());
        int done = random.nextInt(Math.max(1, tracked / 5));
        List<Double> percents = new ArrayList<>();
        for (int m = 0; m <= MONTHS; m++) {
            if (m > 0) {
                done = Math.min(tracked, done + poisson(random, m >= changeAt ? changedPace : pace));
            }
            percents.add((double) Math.round(100.0 * done / tracked));
        }
        return percents;
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static Instant month(int m) {
        return START.plus(m * 30L + m / 2, ChronoUnit.DAYS);
    }

    @Test
    void aFewRoundsARevisionOrAPassedDeadlineAreSaid() {
        Instant deadline = month(18);
        Forecast.Result two = Forecast.at(
                List.of(new Forecast.Point(month(1), 10, "v1"), new Forecast.Point(month(2), 20, "v1")), deadline, 100);
        assertEquals(List.of("TOO_FEW_ROUNDS"), two.cautions());
        assertEquals(100, two.projected(), "10 points a month from 20 % reaches 100 % well before month 18");
        assertFalse(two.likelyToMiss());
        Forecast.Result revised = Forecast.at(
                List.of(
                        new Forecast.Point(month(1), 10, "v1"),
                        new Forecast.Point(month(2), 11, "v1"),
                        new Forecast.Point(month(3), 12, "v2")),
                deadline,
                100);
        assertEquals(List.of("ROADMAP_REVISED"), revised.cautions());
        assertEquals(27, revised.projected(), 0.5, "one point a month from 12 % at month 3: about 27 % at month 18");
        assertTrue(revised.likelyToMiss());
        assertTrue(revised.low() <= revised.projected() && revised.projected() <= revised.high());
        assertTrue(revised.low() >= 12, "never below the last observation");
        Forecast.Result late = Forecast.at(List.of(new Forecast.Point(month(19), 80, "v1")), deadline, 100);
        assertEquals(List.of("DEADLINE_PASSED"), late.cautions());
        assertEquals(80, late.projected());
        assertTrue(late.likelyToMiss());
        Forecast.Result falling = Forecast.at(
                List.of(
                        new Forecast.Point(month(1), 30, "v1"),
                        new Forecast.Point(month(2), 25, "v1"),
                        new Forecast.Point(month(3), 20, "v1")),
                deadline,
                100);
        assertEquals(0, falling.pacePerMonth(), "a falling line is no pace");
        assertEquals(20, falling.projected(), 0.001, "and the last observation stands");
    }
}
