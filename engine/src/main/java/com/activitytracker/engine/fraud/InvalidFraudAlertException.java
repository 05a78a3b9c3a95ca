package com.activitytracker.engine.fraud;

import java.io.Serial;

/** A record on the alerts topic that is not a fraud alert as docs/CONTRACTS.md describes it; the message says why in one line. */
public final class InvalidFraudAlertException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public InvalidFraudAlertException(String reason) {
        super(reason, null, false, false); // no stack trace: bad input is expected, not exceptional
    }
}
