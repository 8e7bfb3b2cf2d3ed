package io.sseconnector.connector.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The seed's camera as a pure, deterministic sequence of events on its own timeline: no threads, no
 * sleeping. A heartbeat at 0 and every heartbeat interval; an analytics check at 0 and every second:
 * analytics starts enabled; while enabled, an alert with {@code alertProbability} (ALERT_DLQC 70 % of
 * the time, ALERT otherwise), then 2 % to disable (ANALYTICS_DISABLED); while disabled, 5 % to enable
 * (ANALYTICS_ENABLED). A heartbeat due at the same time as a check comes first. {@code event_id}
 * starts at 1001 and grows by one per alert.
 *
 * <p>The same random generator state gives the same events; only the {@code timestamp} fields, read
 * from the clock when an event is taken, depend on when it is taken. Not thread-safe.
 */
public final class CameraEventGenerator {
    /** The seed's check period. */
    public static final long CHECK_INTERVAL_MS = 1_000;

    public static final double DLQC_SHARE = 0.7;
    public static final double ENABLE_PROBABILITY = 0.05;
    public static final double DISABLE_PROBABILITY = 0.02;
    public static final long FIRST_EVENT_ID = 1001;

    private final long heartbeatMillis;
    private final double alertProbability;
    private final RandomGenerator random;
    private final LongSupplier epochMillis;

    /** Drawn but not yet taken; the timestamp is set when taken. */
    private final ArrayDeque<Draft> drafts = new ArrayDeque<>();

    private long nextHeartbeatAt;
    private long nextCheckAt;
    private boolean analyticsEnabled = true;
    private long nextEventId = FIRST_EVENT_ID;

    private record Draft(long atMillis, EventType type, long eventId, CameraPayloads.Dlqc dlqc) {}

    /**
     * @param heartbeatInterval at least 1 ms
     * @param alertProbability the chance of an alert per check while analytics is enabled, 0..1
     * @param random the only source of randomness; seed it for a reproducible sequence
     * @param epochMillis the clock for the payloads' {@code timestamp}
     */
    public CameraEventGenerator(
            Duration heartbeatInterval, double alertProbability, RandomGenerator random, LongSupplier epochMillis) {
        this.heartbeatMillis = heartbeatInterval.toMillis();
        if (heartbeatMillis < 1) {
            throw new IllegalArgumentException("heartbeat interval must be at least 1 ms, was " + heartbeatInterval);
        }
        if (!(alertProbability >= 0 && alertProbability <= 1)) {
            throw new IllegalArgumentException("alert probability must be 0..1, was " + alertProbability);
        }
        this.alertProbability = alertProbability;
        this.random = Objects.requireNonNull(random, "random");
        this.epochMillis = Objects.requireNonNull(epochMillis, "epochMillis");
    }

    /** When the next event happens on the generator's timeline (ms since start). */
    public long peekTime() {
        fill();
        return drafts.peekFirst().atMillis();
    }

    /** The next event, its timestamp read from the clock now. */
    public CameraEvent next() {
        fill();
        Draft draft = drafts.pollFirst();
        long now = epochMillis.getAsLong();
        String json = switch (draft.type()) {
            case HEARTBEAT -> CameraPayloads.heartbeat(now);
            case ANALYTICS_ENABLED, ANALYTICS_DISABLED -> CameraPayloads.analytics(draft.type(), now);
            case ALERT -> CameraPayloads.alert(now, draft.eventId());
            case ALERT_DLQC -> CameraPayloads.alertDlqc(now, draft.eventId(), draft.dlqc());
        };
        return new CameraEvent(draft.atMillis(), draft.type(), json);
    }

    private void fill() {
        while (drafts.isEmpty()) {
            if (nextHeartbeatAt <= nextCheckAt) {
                drafts.add(new Draft(nextHeartbeatAt, EventType.HEARTBEAT, 0, null));
                nextHeartbeatAt += heartbeatMillis;
            } else {
                check(nextCheckAt);
                nextCheckAt += CHECK_INTERVAL_MS;
            }
        }
    }

    private void check(long at) {
        if (!analyticsEnabled) {
            if (random.nextDouble() < ENABLE_PROBABILITY) {
                analyticsEnabled = true;
                drafts.add(new Draft(at, EventType.ANALYTICS_ENABLED, 0, null));
            }
            return;
        }
        if (random.nextDouble() < alertProbability) {
            long eventId = nextEventId++;
            if (random.nextDouble() < DLQC_SHARE) {
                drafts.add(new Draft(at, EventType.ALERT_DLQC, eventId, drawDlqc()));
            } else {
                drafts.add(new Draft(at, EventType.ALERT, eventId, null));
            }
        }
        if (random.nextDouble() < DISABLE_PROBABILITY) {
            analyticsEnabled = false;
            drafts.add(new Draft(at, EventType.ANALYTICS_DISABLED, 0, null));
        }
    }

    /** Uniform draws in the seed's ranges; integer ranges include both ends. */
    private CameraPayloads.Dlqc drawDlqc() {
        return new CameraPayloads.Dlqc(
                random.nextInt(1, 6),
                random.nextDouble(-180, 180),
                random.nextDouble(-90, 90),
                random.nextDouble(-180, 180),
                random.nextDouble(-90, 90),
                random.nextDouble(0.1, 2.0),
                random.nextDouble(1, 10),
                random.nextInt(20, 96),
                random.nextInt(0, 361),
                random.nextInt(30, 91),
                random.nextDouble(0, 50),
                random.nextInt(0, 361),
                random.nextDouble(-10, 45),
                random.nextInt(0, 101));
    }
}
