/**
 * "What if": replays the recent activity stream through candidate fraud thresholds beside the live
 * ones, with a reader of its own that never joins a consumer group, so the live detectors, their
 * groups and their committed offsets are never touched.
 */
package com.activitytracker.engine.backtest;
