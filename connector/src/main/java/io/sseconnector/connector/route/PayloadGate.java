package io.sseconnector.connector.route;

import io.sseconnector.connector.destination.Destination;
import io.sseconnector.connector.schema.PayloadCheck;
import io.sseconnector.connector.schema.ValidationMode;
import io.sseconnector.connector.schema.Verdict;

/**
 * Schema checking for one asset event: learns the schema of its payloads and, under {@code warn} or
 * {@code enforce}, checks them; {@code enforce} sends an invalid payload to the dead-letter topic
 * instead of the event's destinations.
 *
 * <p>Under {@code off} the schema is only learned, for {@code GET /schemas}: every payload of the
 * first {@value #FULL_LEARNING} and one in {@value #SAMPLE_EVERY} after that, so that learning
 * never becomes the bridge's bottleneck. Used from the device's delivery only.
 */
public final class PayloadGate {
    static final int FULL_LEARNING = 1_000;
    static final int SAMPLE_EVERY = 100;

    private final PayloadCheck check;
    private final Destination deadLetter;
    private long seen;

    /** @param deadLetter where {@code enforce} sends invalid payloads; required under enforce */
    public PayloadGate(PayloadCheck check, Destination deadLetter) {
        if (check.mode() == ValidationMode.ENFORCE && deadLetter == null) {
            throw new IllegalArgumentException("validation: enforce needs a deadLetterTopic");
        }
        this.check = check;
        this.deadLetter = deadLetter;
    }

    public ValidationMode mode() {
        return check.mode();
    }

    public Destination deadLetter() {
        return deadLetter;
    }

    /** The verdict for this payload; {@link Verdict#VALID} for payloads skipped by sampling. */
    public Verdict check(String payload) {
        seen++;
        if (check.mode() == ValidationMode.OFF && seen > FULL_LEARNING && seen % SAMPLE_EVERY != 0) {
            return Verdict.VALID;
        }
        return check.check(payload);
    }
}
