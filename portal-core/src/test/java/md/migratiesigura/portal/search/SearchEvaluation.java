package md.migratiesigura.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.FrontMatterDocument;
import md.migratiesigura.portal.content.MarkdownRenderer;

/**
 * The search evaluation: the bundled articles indexed with the real analyzers, and a set of queries written the
 * way worried people type them (evaluation-queries.tsv), each with the articles a counsellor would give. Prints
 * hit@1, hit@3 and the mean reciprocal rank per kind of query; {@code deploy/search-eval.sh} runs it.
 */
final class SearchEvaluation {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    /** One query of the set. */
    record Case(String kind, Language language, String text, List<String> expected) {
    }

    /** The figures of one kind of query (or of all). */
    record Figures(String kind, int queries, int hit1, int hit3, double reciprocalRanks) {
        double hitAt1() {
            return queries == 0 ? 0 : (double) hit1 / queries;
        }

        double hitAt3() {
            return queries == 0 ? 0 : (double) hit3 / queries;
        }

        double mrr() {
            return queries == 0 ? 0 : reciprocalRanks / queries;
        }

        Figures plus(int rank) {
            return new Figures(kind, queries + 1, hit1 + (rank == 1 ? 1 : 0), hit3 + (rank >= 1 && rank <= 3 ? 1 : 0),
                    reciprocalRanks + (rank >= 1 ? 1.0 / rank : 0));
        }
    }

    /** The figures per kind, then for all queries under "all"; and the queries that missed the first three. */
    record Report(Map<String, Figures> figures, List<String> misses) {
        Figures all() {
            return figures.get("all");
        }

        String table() {
            StringBuilder out = new StringBuilder("| kind | queries | hit@1 | hit@3 | MRR |\n| --- | ---: | ---: | ---: | ---: |\n");
            figures.values().forEach(f -> out.append(String.format("| %s | %d | %.1f %% | %.1f %% | %.3f |%n",
                    f.kind(), f.queries(), 100 * f.hitAt1(), 100 * f.hitAt3(), f.mrr())));
            return out.toString();
        }
    }

    private SearchEvaluation() {
    }

    static List<Case> cases() {
        try (var in = SearchEvaluation.class.getResourceAsStream("evaluation-queries.tsv")) {
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                cases.add(new Case(f[0], Language.ofCode(f[1]).orElseThrow(), f[2], List.of(f[3].split(","))));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content folder of the repository, looked for from the working directory upwards. */
    static Path contentDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("content/articles"))) {
                return dir.resolve("content");
            }
        }
        throw new IllegalStateException("no content/articles above " + Path.of("").toAbsolutePath());
    }

    /** The articles of a content folder as the index receives them (every one published). */
    static List<SearchDocument> articles(Path content) {
        MarkdownRenderer markdown = new MarkdownRenderer();
        List<SearchDocument> documents = new ArrayList<>();
        try (Stream<Path> keys = Files.list(content.resolve("articles"))) {
            for (Path dir : keys.sorted().toList()) {
                for (Language language : Language.values()) {
                    Path file = dir.resolve(language.code() + ".md");
                    if (!Files.exists(file)) {
                        continue;
                    }
                    FrontMatterDocument doc = FrontMatterDocument.parse(Files.readString(file));
                    Map<String, Object> f = doc.fields();
                    documents.add(new SearchDocument("article", dir.getFileName().toString(), language,
                            String.valueOf(f.get("slug")), String.valueOf(f.get("title")),
                            f.get("summary") == null ? null : String.valueOf(f.get("summary")),
                            markdown.toPlainText(doc.body()), String.valueOf(f.get("category")),
                            Instant.parse("2025-01-01T00:00:00Z")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static SearchIndex index(Path dir, List<SearchDocument> documents) {
        SearchIndex index = SearchIndex.open(dir);
        index.useEquivalentWords(EquivalentWords.of(EquivalentWords.bundled(contentDir()), 1));
        index.rebuild(List.of(new SearchIndexTest.ListSource(documents)), 0);
        return index;
    }

    /** The rank (1-based) of the first expected article among the first ten hits, 0 when none is there. */
    static int rank(SearchIndex index, Case c) {
        List<SearchHit> hits = index.search(SearchQuery.of(c.text(), c.language()), c.text(), NOW).hits();
        for (int i = 0; i < hits.size(); i++) {
            if (c.expected().contains(hits.get(i).key())) {
                return i + 1;
            }
        }
        return 0;
    }

    static Report evaluate(SearchIndex index, List<Case> cases) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        Figures all = new Figures("all", 0, 0, 0, 0);
        for (Case c : cases) {
            int rank = rank(index, c);
            figures.merge(c.kind(), new Figures(c.kind(), 0, 0, 0, 0).plus(rank),
                    (a, b) -> a.plus(rank));
            all = all.plus(rank);
            if (rank == 0 || rank > (Boolean.getBoolean("search.eval.notFirst") ? 1 : 3)) {
                List<String> got = index.search(SearchQuery.of(c.text(), c.language()), c.text(), NOW).hits()
                        .stream().limit(3).map(SearchHit::key).toList();
                misses.add(c.kind() + " " + c.language().code() + " \"" + c.text() + "\": rank " + rank + ", got " + got);
            }
        }
        figures.put("all", all);
        return new Report(figures, misses);
    }

    /** The 43 queries of the search benchmark (deploy/bench/SearchLoad.java). */
    static final String[][] BENCH_QUERIES = {
            {"ro", "pașaport"}, {"ro", "pasaport"}, {"ro", "pașaportul"}, {"ro", "contract de muncă"},
            {"ro", "contract de munca"}, {"ro", "contractului"}, {"ro", "\"contract de muncă\""},
            {"ro", "agenție de recrutare"}, {"ro", "agentie recrutare"}, {"ro", "agențiile licențiate"},
            {"ro", "licența agenției"}, {"ro", "viză"}, {"ro", "fara viza"}, {"ro", "\"fără viză\""},
            {"ro", "permis de muncă"}, {"ro", "muncă în străinătate"}, {"ro", "munca in strainatate"},
            {"ro", "trafic de persoane"}, {"ro", "exploatare prin muncă"}, {"ro", "servitute pentru datorii"},
            {"ro", "linia fierbinte"}, {"ro", "ambasada Republicii Moldova"}, {"ro", "salariul angajatorului"},
            {"ro", "cazare și transport"}, {"ro", "întoarcere acasă"}, {"ro", "Germania"}, {"ro", "Italia îngrijire"},
            {"ro", "Israel construcții"}, {"ro", "pasapotr"}, {"ro", "contarct munca"}, {"ru", "паспорт"},
            {"ru", "паспорта"}, {"ru", "трудовой договор"}, {"ru", "договора"}, {"ru", "\"трудовой договор\""},
            {"ru", "виза"}, {"ru", "работа за рубежом"}, {"ru", "лицензия агентства"}, {"ru", "торговля людьми"},
            {"ru", "горячая линия"}, {"ru", "посольство Молдовы"}, {"ru", "зарплата и жильё"}, {"ru", "агенство"}};

    /**
     * CPU time of the searching thread per search, in microseconds: the median of {@code rounds} rounds of all the
     * queries, after {@code warmup} rounds.
     */
    static double cpuMicrosPerSearch(SearchIndex index, List<String[]> queries, int warmup, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] perRound = new double[rounds];
        for (int r = -warmup; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (String[] q : queries) {
                index.search(SearchQuery.of(q[1], Language.ofCode(q[0]).orElseThrow()), q[1], NOW);
            }
            if (r >= 0) {
                perRound[r] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / queries.size();
            }
        }
        Arrays.sort(perRound);
        return perRound[rounds / 2];
    }

    /**
     * Prints the report. With the system property {@code search.eval.corpus} naming a content folder made by
     * deploy/bench/CorpusGenerator.java, also the CPU per search of the benchmark's 43 queries on that corpus.
     */
    static String fullReport(Path work) throws IOException {
        StringBuilder out = new StringBuilder();
        List<Case> cases = cases();
        try (SearchIndex index = index(work.resolve("bundled"), articles(contentDir()))) {
            Report report = evaluate(index, cases);
            out.append("Search evaluation: ").append(cases.size()).append(" queries on the bundled articles\n\n")
                    .append(report.table()).append('\n');
            out.append("Not among the first three (").append(report.misses().size()).append("):\n");
            report.misses().forEach(m -> out.append("  ").append(m).append('\n'));
            List<String[]> evalQueries = cases.stream().map(c -> new String[]{c.language().code(), c.text()}).toList();
            out.append(String.format("%nCPU per search, bundled articles: evaluation set %.0f µs, benchmark's 43 queries %.0f µs%n",
                    cpuMicrosPerSearch(index, evalQueries, 20, 31),
                    cpuMicrosPerSearch(index, Arrays.asList(BENCH_QUERIES), 40, 31)));
        }
        String corpus = System.getProperty("search.eval.corpus", "");
        if (!corpus.isBlank()) {
            long started = System.nanoTime();
            try (SearchIndex index = index(work.resolve("corpus"), articles(Path.of(corpus)))) {
                out.append(String.format("Benchmark corpus %s: %d documents indexed in %.1f s%n", corpus,
                        index.documentCount(), (System.nanoTime() - started) / 1e9));
                out.append(String.format("CPU per search, benchmark corpus, the 43 queries: %.0f µs (median of 31 rounds)%n",
                        cpuMicrosPerSearch(index, Arrays.asList(BENCH_QUERIES), 20, 31)));
            }
        }
        return out.toString();
    }

    static LocalDate today() {
        return LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    }
}
