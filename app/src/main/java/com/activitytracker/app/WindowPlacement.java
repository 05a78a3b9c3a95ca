package com.activitytracker.app;

/**
 * Where the console's window opens on the screen it starts on: maximised on screens up to full HD,
 * where every pixel counts for the audience; on larger screens a generous centred window (most of the
 * screen, never less than full HD), so it does not look stretched on a 4K monitor.
 *
 * @param maximised open maximised (x, y, width and height are then the whole visual area)
 */
record WindowPlacement(boolean maximised, double x, double y, double width, double height) {
    static final double FULL_HD_WIDTH = 1920;
    static final double FULL_HD_HEIGHT = 1080;
    /** Of a large screen, the window takes this share in each direction. */
    static final double SHARE_OF_LARGE_SCREEN = 0.8;

    /** @param screenX and the rest: the screen's visual bounds (without task bars) */
    static WindowPlacement on(double screenX, double screenY, double screenWidth, double screenHeight) {
        // the visual bounds of a full-HD screen lose the task bar, so compare with some slack
        if (screenWidth <= FULL_HD_WIDTH && screenHeight <= FULL_HD_HEIGHT) {
            return new WindowPlacement(true, screenX, screenY, screenWidth, screenHeight);
        }
        double width = Math.min(screenWidth, Math.max(FULL_HD_WIDTH, screenWidth * SHARE_OF_LARGE_SCREEN));
        double height = Math.min(screenHeight, Math.max(FULL_HD_HEIGHT, screenHeight * SHARE_OF_LARGE_SCREEN));
        return new WindowPlacement(
                false, screenX + (screenWidth - width) / 2, screenY + (screenHeight - height) / 2, width, height);
    }
}
