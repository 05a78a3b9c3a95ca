package com.activitytracker.engine.fraud;

import java.util.Arrays;

/**
 * The detector's users by id, in least-recently-seen order: exactly the order an access-ordered
 * {@code LinkedHashMap} keeps, without its cost. An access-ordered map relinks the user at the tail
 * on every event, writing references into the user's neighbours — old objects, so each event dirtied
 * a few random cards that G1's refinement threads then had to scan.
 *
 * <p>Here the order is an array of users, oldest first, that only ever grows at its end: a user seen
 * again leaves a hole (null) where they were and is appended, and remembers their slot in a plain
 * {@code int} of their own. Writing null and appending to one array dirties one card per 128 events
 * instead of several per event. When the end of the array is reached the holes are squeezed out
 * (users keep their order; only those that move are touched); the array is kept at least twice as
 * large as the users it holds, so that costs O(1) per event, amortised.
 *
 * <p>The users are found by id in an open-addressing table (linear probing, at most half full) of
 * the users themselves, with their ids' hashes in a parallel {@code int} array so that probing past
 * other users reads neither them nor their ids: one object per user instead of a map entry and a
 * user, and fewer cache misses per event. A removal shifts the users after it back, so there are no
 * tombstones.
 *
 * <p>Not thread-safe, like the detector.
 */
final class TrackedUsers {
    private static final int MIN_CAPACITY = 16;
    private static final int MIN_TABLE_BITS = 10;

    /** By id: a user sits at the first free slot from its home, {@link #home}, onwards. */
    private TrackedUser[] table = new TrackedUser[1 << MIN_TABLE_BITS];
    /** {@code hashes[i]} is the hash of {@code table[i]}'s id. */
    private int[] hashes = new int[1 << MIN_TABLE_BITS];

    private int tableShift = Integer.SIZE - MIN_TABLE_BITS;
    private int size;
    /** Users oldest first from {@code head} to {@code tail}, with holes where users moved on. */
    private TrackedUser[] order = new TrackedUser[MIN_CAPACITY];

    private int head;
    private int tail;

    /** The user with this id, created if new, now the most recently seen. */
    TrackedUser seen(String userId) {
        int hash = userId.hashCode();
        int mask = table.length - 1;
        int i = home(hash);
        TrackedUser user;
        while ((user = table[i]) != null && (hashes[i] != hash || !user.userId().equals(userId))) {
            i = (i + 1) & mask;
        }
        if (user == null) {
            user = new TrackedUser(userId, hash);
            table[i] = user;
            hashes[i] = hash;
            if (++size > table.length / 2) {
                resize();
            }
        } else if (user.slot() == tail - 1) {
            return user; // seen last already: the usual case within a burst
        } else {
            order[user.slot()] = null;
        }
        if (tail == order.length) {
            compact();
        }
        order[tail] = user;
        user.slot(tail++);
        return user;
    }

    /** The least recently seen user, or null when there are none. */
    TrackedUser stalest() {
        while (head < tail && order[head] == null) {
            head++;
        }
        return head < tail ? order[head] : null;
    }

    /** Forgets the least recently seen user; there must be one. */
    void removeStalest() {
        TrackedUser user = stalest();
        order[head++] = null;
        removeFromTable(user);
        if (size == 0) {
            head = 0;
            tail = 0;
        }
    }

    int size() {
        return size;
    }

    void clear() {
        table = new TrackedUser[1 << MIN_TABLE_BITS];
        hashes = new int[1 << MIN_TABLE_BITS];
        tableShift = Integer.SIZE - MIN_TABLE_BITS;
        size = 0;
        order = new TrackedUser[MIN_CAPACITY];
        head = 0;
        tail = 0;
    }

    /** Slots in the order array, for tests of its growth. */
    int capacity() {
        return order.length;
    }

    /**
     * Squeezes the holes out, keeping the order, into an array with room for at least as many
     * appends again as there are users: grown when more than half full, shrunk when it is
     * sixteen times the users (a burst of users that has since expired).
     */
    private void compact() {
        int live = 0;
        for (int i = head; i < tail; i++) {
            if (order[i] != null) {
                live++;
            }
        }
        int capacity = order.length;
        if (live > capacity / 2 || live * 16 < capacity) {
            capacity = Math.max(MIN_CAPACITY, live * 4);
        }
        TrackedUser[] target = capacity == order.length ? order : new TrackedUser[capacity];
        int to = 0;
        for (int from = head; from < tail; from++) {
            TrackedUser user = order[from];
            if (user != null) {
                if (to != from || target != order) {
                    target[to] = user;
                    user.slot(to);
                }
                to++;
            }
        }
        if (target == order) {
            Arrays.fill(order, to, tail, null);
        }
        order = target;
        head = 0;
        tail = to;
    }

    /** Fibonacci hashing: the top bits of the hash times the golden ratio, so similar ids spread out. */
    private int home(int hash) {
        return (hash * 0x9E3779B9) >>> tableShift;
    }

    private void removeFromTable(TrackedUser user) {
        int mask = table.length - 1;
        int hole = home(user.hash());
        while (table[hole] != user) {
            hole = (hole + 1) & mask;
        }
        // shift back every user after the hole that may sit there: its home is not in (hole, i]
        for (int i = (hole + 1) & mask; table[i] != null; i = (i + 1) & mask) {
            int home = home(hashes[i]);
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                table[hole] = table[i];
                hashes[hole] = hashes[i];
                hole = i;
            }
        }
        table[hole] = null;
        size--;
    }

    private void resize() {
        TrackedUser[] old = table;
        table = new TrackedUser[old.length * 2];
        hashes = new int[table.length];
        tableShift--;
        int mask = table.length - 1;
        for (TrackedUser user : old) {
            if (user != null) {
                int i = home(user.hash());
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = user;
                hashes[i] = user.hash();
            }
        }
    }
}
