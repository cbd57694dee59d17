package fi.tilannekuva.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Plain timed loops with a warm-up, on a few threads: the latency of every operation and the throughput. */
final class Load {

    /** One operation; {@code i} numbers the operations of a run (warm-up ones are negative). */
    @FunctionalInterface
    interface Operation {
        void run(int thread, long i) throws Exception;
    }

    /**
     * What a run measured.
     *
     * @param name what was measured
     * @param threads how many threads ran it
     * @param elapsedNanos wall time of the measured part
     * @param latencies nanoseconds of each measured operation, sorted
     */
    record Result(String name, int threads, long elapsedNanos, long[] latencies) {

        /** Operations per second. */
        double throughput() {
            return latencies.length * 1e9 / elapsedNanos;
        }

        /** A percentile of the latency in milliseconds. */
        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }

        /** The median latency in milliseconds. */
        double p50() {
            return percentileMillis(50);
        }

        /** The 99th percentile latency in milliseconds. */
        double p99() {
            return percentileMillis(99);
        }
    }

    private Load() {}

    /**
     * Runs {@code warmup} operations, then {@code ops} measured ones, spread over {@code threads} threads.
     *
     * @param limit the measured part stops early after this long (the result says how many ran)
     */
    static Result run(String name, int threads, int warmup, int ops, Duration limit, Operation operation) {
        phase(threads, warmup, Long.MAX_VALUE, operation, new long[0], -warmup - 1L);
        long[] latencies = new long[ops];
        long begin = System.nanoTime();
        phase(threads, ops, begin + limit.toNanos(), operation, latencies, 0);
        long elapsed = System.nanoTime() - begin;
        // Operations claimed after the time limit never ran and kept latency 0.
        long[] measured = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return new Result(name, threads, elapsed, measured);
    }

    /** Measures operations one after another on the calling thread (for latencies that need no concurrency). */
    static Result sequential(String name, int warmup, int ops, Operation operation) {
        return run(name, 1, warmup, ops, Duration.ofMinutes(5), operation);
    }

    private static void phase(int threads, int ops, long deadline, Operation operation, long[] latencies, long first) {
        AtomicLong next = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(
                    () -> {
                        try {
                            long i;
                            while (failure.get() == null
                                    && (i = next.getAndIncrement()) < ops
                                    && System.nanoTime() < deadline) {
                                long start = System.nanoTime();
                                operation.run(thread, first + i);
                                if (latencies.length > 0) {
                                    latencies[(int) i] = System.nanoTime() - start;
                                }
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            finished.countDown();
                        }
                    },
                    "load-" + t);
            workers.add(worker);
            worker.start();
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException(
                    "an operation failed: " + failure.get().getMessage(), failure.get());
        }
    }
}
