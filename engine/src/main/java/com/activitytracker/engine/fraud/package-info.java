/**
 * Fraud detection over activity events: five rules, the alerts they raise and how alerts are
 * written (JSON for the alerts topic, text for the console). Pure logic, no Kafka, single-threaded.
 *
 * <p>Time semantics shared by every windowed rule. Windows are measured in event time (the events'
 * {@code timestamp}) so that a replay gives the same alerts as the live run. A rule looks at one
 * user's events in the window {@code (newest - window, newest]}, where {@code newest} is the
 * newest event time seen for that user: an event that arrives late but still falls inside that
 * window counts, an event older than it is too late and is ignored by the windowed rules. After a
 * rule alerts for a user at event time {@code t} it stays silent for that user until an event at
 * {@code t + window} or later completes the pattern again.
 */
package com.activitytracker.engine.fraud;
