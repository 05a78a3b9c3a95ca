package com.activitytracker.engine.fraud;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ACCOUNT_TAKEOVER: a successful {@code login} after at least {@code atoFailedLogins}
 * {@code login_failed} within the window, i.e. a password guessed after several tries.
 *
 * <p>The login completes the pattern even when a failure before it in event time arrives after
 * it: the alert then names the login, so its id does not depend on arrival order.
 */
public final class AccountTakeoverRule implements FraudRule<AccountTakeoverRule.LoginHistory> {
    public static final String NAME = "ACCOUNT_TAKEOVER";

    private final Clock clock;

    public AccountTakeoverRule(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean concerns(ActivityEvent event, FraudThresholds thresholds) {
        return event.is(EventTypes.LOGIN) || event.is(EventTypes.LOGIN_FAILED);
    }

    @Override
    public LoginHistory newUserState() {
        return new LoginHistory();
    }

    @Override
    public Optional<FraudAlert> apply(
            LoginHistory history,
            ActivityEvent event,
            long eventMillis,
            long newestMillis,
            FraudThresholds thresholds) {
        long cutoff = newestMillis - thresholds.atoWindow().toMillis();
        history.failures.evictUpTo(cutoff);
        if (eventMillis <= cutoff) {
            return Optional.empty();
        }
        if (event.is(EventTypes.LOGIN)) {
            history.sawLogin(event, eventMillis);
            return check(history, event.userId(), event.eventId(), event.timestamp(), eventMillis, thresholds);
        }
        history.failures.add(eventMillis, event.eventId(), RuleWindow.retainedFor(thresholds.atoFailedLogins()));
        if (history.latestLoginId == null
                || history.latestLoginMillis <= cutoff
                || history.latestLoginMillis < eventMillis) {
            return Optional.empty(); // the usual case: no login after this failure yet
        }
        return check(
                history,
                event.userId(),
                history.latestLoginId,
                history.latestLogin,
                history.latestLoginMillis,
                thresholds);
    }

    private Optional<FraudAlert> check(
            LoginHistory history,
            String userId,
            String loginId,
            Instant loginTime,
            long loginMillis,
            FraudThresholds thresholds) {
        int failures = history.failures.countUpTo(loginMillis);
        long window = thresholds.atoWindow().toMillis();
        if (failures < thresholds.atoFailedLogins() || history.coolingDown(loginMillis, window)) {
            return Optional.empty();
        }
        history.alerted(loginMillis);
        List<String> evidence = new ArrayList<>(history.failures.oldestIds(failures));
        evidence.add(loginId);
        Duration span = thresholds.atoWindow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("failed_logins", failures);
        details.put("window_seconds", span.toSeconds());
        details.put("threshold", thresholds.atoFailedLogins());
        String description =
                "Successful login after " + failures + " failed logins in the last " + AlertText.span(span);
        return Optional.of(new FraudAlert(
                FraudAlert.alertIdFor(NAME, userId, loginId),
                NAME,
                Severity.CRITICAL,
                userId,
                clock.instant(),
                loginTime,
                description,
                evidence,
                details));
    }

    /** A user's recent failed logins and newest successful login. */
    static final class LoginHistory extends RuleState {
        private final RuleWindow failures = new RuleWindow();
        private String latestLoginId;
        private Instant latestLogin;
        private long latestLoginMillis;

        private void sawLogin(ActivityEvent login, long loginMillis) {
            if (latestLoginId == null || loginMillis > latestLoginMillis) {
                latestLoginId = login.eventId();
                latestLogin = login.timestamp();
                latestLoginMillis = loginMillis;
            }
        }
    }
}
