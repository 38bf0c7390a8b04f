import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * What a reader on a poor mobile link waits for: Chromium (headless, /usr/bin/chromium through /usr/bin/chromedriver)
 * with DevTools' network emulation (400 ms round trip, 400 kbit/s each way), cache disabled, a new browser profile
 * and a new connection for every load, straight from the portal (no proxy in front). For each page, three loads:
 * the median DOMContentLoaded (navigation start to the end of the event) and what the browser received for the page
 * and everything it loaded (transfer sizes: compressed bytes and headers), with the number of requests.
 *
 * <pre>java -cp SELENIUM_CLASSPATH deploy/bench/ReaderDcl.java BASE_URL PATH...</pre>
 *
 * Prints one line per page: {@code DCL path ms=M loads=a,b,c bytes=B requests=N encoding=E}.
 */
public final class ReaderDcl {

    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        String base = args[0].replaceAll("/+$", "");
        for (int i = 1; i < args.length; i++) {
            List<Double> loads = new ArrayList<>();
            long bytes = 0;
            long requests = 0;
            String encoding = "";
            for (int run = 0; run < RUNS; run++) {
                ChromeDriver browser = browser();
                try {
                    browser.executeCdpCommand("Network.enable", Map.of());
                    browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                    browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                            "latency", 400, "downloadThroughput", 400 * 1000 / 8, "uploadThroughput", 400 * 1000 / 8));
                    browser.get(base + args[i]);
                    @SuppressWarnings("unchecked")
                    List<Object> m = (List<Object>) browser.executeScript("""
                            const nav = performance.getEntriesByType('navigation')[0];
                            const res = performance.getEntriesByType('resource');
                            return [nav.domContentLoadedEventEnd, nav.transferSize
                                    + res.reduce((sum, r) => sum + r.transferSize, 0), 1 + res.length,
                                    nav.encodedBodySize < nav.decodedBodySize ? 'compressed' : 'identity'];""");
                    loads.add(((Number) m.get(0)).doubleValue());
                    bytes = ((Number) m.get(1)).longValue();
                    requests = ((Number) m.get(2)).longValue();
                    encoding = String.valueOf(m.get(3));
                } finally {
                    browser.quit();
                }
            }
            List<Double> sorted = new ArrayList<>(loads);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "DCL %s ms=%.0f loads=%s bytes=%d requests=%d encoding=%s%n", args[i],
                    sorted.get(sorted.size() / 2), loads.stream().map(d -> String.format(Locale.ROOT, "%.0f", d))
                            .reduce((a, b) -> a + "," + b).orElse(""), bytes, requests, encoding);
        }
    }

    private static ChromeDriver browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=412,915",
                "--user-data-dir=" + Files.createTempDirectory("reader-dcl"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
