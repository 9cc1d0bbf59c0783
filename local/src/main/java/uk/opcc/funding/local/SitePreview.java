package uk.opcc.funding.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.decision.Decisions;
import uk.opcc.funding.site.SiteBaker;

/**
 * The live preview: watches the site's source (every folder under it), and a moment after a file
 * is saved bakes the whole site again into a fresh folder. A good bake replaces the one served
 * and is handed to the listeners (the local run rebuilds its intake from its catalogue); a bad
 * one leaves the last good site up and keeps its error, which every page then shows.
 */
final class SitePreview implements AutoCloseable {
    /** Saves often come as several events (write, then a rename, or an editor's backup): wait this long for quiet. */
    private static final long QUIET_MILLIS = 40;

    /** One good bake: where it is, what it holds, and its number (for the page's reload check). */
    record Bake(Path site, Catalogue catalogue, Decisions decisions, int number) {
    }

    private final Path source;
    private final Path work;
    private final String siteHost;
    private final boolean drafts;
    private final List<Consumer<Bake>> listeners = new CopyOnWriteArrayList<>();
    private volatile Bake current;
    private volatile String error;
    private int bakes;
    private WatchService watcher;
    private Thread thread;

    /** Where the preview says what it did: the console of whoever edits the site. */
    private final PrintStream console;

    SitePreview(Path source, Path work, String siteHost, boolean drafts) {
        this(source, work, siteHost, drafts, System.out);
    }

    SitePreview(Path source, Path work, String siteHost, boolean drafts, PrintStream console) {
        this.console = console;
        this.source = source.toAbsolutePath().normalize();
        this.work = work;
        this.siteHost = siteHost;
        this.drafts = drafts;
    }

    Bake current() {
        return current;
    }

    /** The last bake's error, or null when the site served is up to date. */
    String error() {
        return error;
    }

    void onBake(Consumer<Bake> listener) {
        listeners.add(listener);
    }

    /** Bakes now; returns whether the bake was good. */
    synchronized boolean bake() {
        int number = ++bakes;
        Path site = work.resolve("site-" + number);
        try {
            SiteBaker.Baked baked = SiteBaker.bake(new SiteBaker.Options(source, site, siteHost, Instant.now(), drafts));
            Bake previous = current;
            current = new Bake(site, baked.catalogue(), baked.decisions(), number);
            if (error != null) {
                // Whoever put the mistake right sees that it worked, not just that the banner went quiet.
                console.println("The preview is up to date again: the problem is put right and every page shows the site as saved.");
            }
            error = null;
            listeners.forEach(l -> l.accept(current));
            if (previous != null) {
                // The one before the previous: a request may still be reading the previous one.
                SiteBaker.deleteTree(work.resolve("site-" + (previous.number() - 1)));
            }
            return true;
        } catch (RuntimeException e) {
            error = String.valueOf(e.getMessage());
            console.println("The preview could not be updated; still serving the last good site. " + error);
            SiteBaker.deleteTree(site);
            return false;
        }
    }

    /** Starts watching the source: every save rebakes, once the burst of events is over. */
    void watch() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        registerTree(source);
        thread = new Thread(this::loop, "site-preview");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean changed = drain(key);
                // Keep draining until the burst is over, so one save is one bake.
                for (WatchKey more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); more != null;
                        more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    changed |= drain(more);
                }
                if (changed) {
                    bake();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the local run is stopping
        }
    }

    /** Reads a key's events, watching any folder created; true if anything changed. */
    private boolean drain(WatchKey key) {
        Path folder = (Path) key.watchable();
        boolean changed = false;
        for (var event : key.pollEvents()) {
            changed = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path created = folder.resolve((Path) event.context());
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException e) {
                        System.err.println("Cannot watch " + created + ": " + e.getMessage());
                    }
                }
            }
        }
        key.reset();
        return changed;
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> folders = Files.walk(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            // stopping anyway
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
