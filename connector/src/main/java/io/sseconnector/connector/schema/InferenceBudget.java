package io.sseconnector.connector.schema;

/** The limits of one inferrer and what it has used of them so far. */
final class InferenceBudget {
    final InferenceLimits limits;
    int nodes;
    int strings;

    InferenceBudget(InferenceLimits limits) {
        this.limits = limits;
    }

    /** Takes one position from the budget; false when none is left. */
    boolean takeNode() {
        if (nodes >= limits.maxNodes()) {
            return false;
        }
        nodes++;
        return true;
    }
}
