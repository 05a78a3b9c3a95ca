package com.activitytracker.app;

import java.awt.SplashScreen;

/**
 * The splash screen the JVM itself shows before any class loads: {@code SplashScreen-Image} in the
 * fat jar's manifest, {@code -splash:} in the installed app's Java options. It stays until the
 * {@link StartingWindow} is on screen, and goes at once when no window opens ({@code --help},
 * {@code --self-test}, an error).
 *
 * <p>The launcher tells the process that it showed a splash through {@code _JAVA_SPLASH_FILE} or
 * {@code _JAVA_SPLASH_JAR}; without them (tests, headless runs, a launch without the splash) this
 * touches no AWT class and loads no native library.
 */
final class StartupSplash {
    private StartupSplash() {}

    static void close() {
        if (System.getenv("_JAVA_SPLASH_FILE") == null && System.getenv("_JAVA_SPLASH_JAR") == null) {
            return;
        }
        try {
            SplashScreen splash = SplashScreen.getSplashScreen();
            if (splash != null) {
                splash.close();
            }
        } catch (UnsupportedOperationException | IllegalStateException | LinkageError e) {
            // HeadlessException (an UnsupportedOperationException), or no splash library: there is nothing on screen to
            // close
        }
    }
}
