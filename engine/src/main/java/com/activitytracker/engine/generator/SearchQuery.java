package com.activitytracker.engine.generator;

/** A search phrase, the department it leads to, and its results page (built once, not per event). */
record SearchQuery(String text, String category, String page) {

    static SearchQuery of(String text, String category) {
        return new SearchQuery(text, category, "/search?q=" + text.replace(' ', '+'));
    }
}
