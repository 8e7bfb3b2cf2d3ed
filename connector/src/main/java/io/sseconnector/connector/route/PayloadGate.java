package io.sseconnector.connector.route;

import io.sseconnector.connector.schema.PayloadCheck;
import io.sseconnector.connector.schema.ValidationMode;
import io.sseconnector.connector.schema.Verdict;

/**
 * Schema checking for one asset event: learns the schema of its payloads and, under {@code warn} or
 * {@code enforce}, checks them.
 *
 * <p>Under {@code off} the schema is only learned, for {@code GET /schemas}: every payload of the
 * first {@value #FULL_LEARNING} and one in {@value #SAMPLE_EVERY} after that, so that learning
 * never becomes the bridge's bottleneck. Used from the device's delivery only.
 */
public final class PayloadGate {
    static final int FULL_LEARNING = 1_000;
    static final int SAMPLE_EVERY = 100;

    private final PayloadCheck check;
    private long seen;

    public PayloadGate(PayloadCheck check) {
        this.check = check;
    }

    public ValidationMode mode() {
        return check.mode();
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
