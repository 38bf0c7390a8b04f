package md.migratiesigura.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import md.migratiesigura.portal.common.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real analyzers and index on a small bilingual corpus, searched as people type on phones. */
class SearchIndexTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant PAST = Instant.parse("2025-06-01T08:00:00Z");

    @TempDir
    Path dir;
    private SearchIndex index;
    private SearchService service;

    static final List<SearchDocument> CORPUS = List.of(
            ro("pasaport", "Pașaportul și documentele tale", "Nu da nimănui pașaportul. Păstrează copii ale actelor în mai multe locuri.", "documente"),
            ro("contract", "Contractul individual de muncă", "Contractul se semnează înainte de plecare, într-o limbă pe care o înțelegi.", "munca"),
            ro("agentie", "Cum verifici licența unei agenții", "Agenția trebuie să aibă licență pentru plasarea în câmpul muncii peste hotare. Cere contractul.", "munca"),
            ro("datorii", "Servitutea pentru datorii", "Datoria față de angajator şi reținerile din salariu sunt semne de exploatare.", "exploatare"),
            ro("viitor", "Articol programat pentru mai târziu", "Pașaportul va fi subiectul unui articol viitor.", "documente", Instant.parse("2026-12-01T08:00:00Z")),
            ru("pasport", "Паспорт и документы", "Никому не отдавайте свой паспорт. Храните копии документов.", "documente"),
            ru("dolg", "Долговая кабала", "Долг перед работодателем — признак эксплуатации. Всё, что удерживают из зарплаты, записывайте.", "exploatare"),
            ru("kontrakt", "Трудовой договор", "Договор подписывают до отъезда, на понятном вам языке.", "munca"));

    @BeforeEach
    void build() {
        index = SearchIndex.open(dir);
        index.rebuild(List.of(new ListSource(CORPUS)), 0);
        service = new SearchService(index, () -> { }, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        index.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pașaport", "paşaport", "pasaport", "PASAPORT", "Pașaportul", "pasaportul"})
    void romanianIsFoundHoweverTheDiacriticsAreTyped(String typed) {
        assertEquals(List.of("pasaport"), keys(typed, Language.RO));
    }

    @Test
    void siSiAndSiTypedWithoutDiacriticsFindTheSameDocuments() {
        List<String> comma = keys("datorii și salariu", Language.RO);
        assertFalse(comma.isEmpty());
        assertEquals(comma, keys("datorii şi salariu", Language.RO));
        assertEquals(comma, keys("datorii si salariu", Language.RO));
    }

    @Test
    void inflectedRomanianFindsItsStem() {
        assertTrue(keys("contractului", Language.RO).contains("contract"));
        assertTrue(keys("agențiile", Language.RO).contains("agentie"));
    }

    @Test
    void russianMorphologyAndYoAreUnderstood() {
        assertEquals("pasport", keys("паспорта", Language.RU).get(0));
        assertEquals(List.of("dolg"), keys("удерживают всё", Language.RU));
        assertEquals(List.of("dolg"), keys("удерживают все", Language.RU));
        assertEquals("kontrakt", keys("договора", Language.RU).get(0));
    }

    @Test
    void russianTypedInLatinLettersIsFound() {
        assertEquals(List.of("pasport"), keys("pasport", Language.RU));
        assertTrue(keys("dolg pered rabotodatelem", Language.RU).contains("dolg"));
    }

    @Test
    void quotedPhraseMatchesOnlyTheWordsTogether() {
        assertEquals(List.of("contract"), keys("\"limbă pe care o înțelegi\"", Language.RO));
        assertTrue(keys("\"înțelegi limbă\"", Language.RO).isEmpty());
    }

    @Test
    void documentsWithTheWordsInTheTitleComeFirst() {
        List<String> found = keys("contract", Language.RO);
        assertEquals("contract", found.get(0), "the title match ranks above the body match");
        assertTrue(found.contains("agentie"));
    }

    @Test
    void documentsWithAllTheWordsComeFirst() {
        List<String> found = keys("licență contractul", Language.RO);
        assertEquals("agentie", found.get(0));
    }

    @Test
    void everyWordBeatsOneWordRepeated() {
        try (SearchIndex own = SearchIndex.open(dir.resolveSibling(dir.getFileName() + "-tiers"))) {
            own.rebuild(List.of(new ListSource(List.of(
                    ro("repeat", "Contract, contract, contract", "Contract după contract: contractul contractelor.", "munca"),
                    ro("both", "Ce spune legea", "Cere contractul și verifică licența agenției.", "munca"),
                    ro("other", "Drumul spre casă", "Biletul de întoarcere îl păstrezi tu.", "munca")))), 0);
            SearchService search = new SearchService(own, () -> { }, Clock.fixed(NOW, ZoneOffset.UTC));
            List<String> found = search.search(SearchQuery.of("contract licență", Language.RO)).hits().stream()
                    .map(SearchHit::key).toList();
            assertEquals(List.of("both", "repeat"), found, "the document with both words first, then the one with one");
            SearchQuery secondPage = new SearchQuery("contract licență", Language.RO, false, Optional.empty(),
                    Optional.empty(), 2, 1);
            SearchResults two = search.search(secondPage);
            assertEquals(List.of("repeat"), two.hits().stream().map(SearchHit::key).toList(), "page 2 goes on where page 1 ended");
            assertEquals(2, two.total());
            assertTrue(two.totalExact());
        }
    }

    @Test
    void wordsThatOnlyJoinOthersFindNothingOnTheirOwn() {
        // "Datoria față de angajator" has "de" but neither "contract" nor "muncă".
        assertFalse(keys("contract de muncă", Language.RO).contains("datorii"));
        assertTrue(keys("de", Language.RO).isEmpty());
        assertTrue(keys("și cu la", Language.RO).isEmpty());
        assertTrue(keys("* de", Language.RO).isEmpty(), "a lone star is no word either");
        assertEquals(keys("pașaport", Language.RO), keys("* pașaport *", Language.RO));
        assertFalse(keys("долг перед и работодателем", Language.RU).isEmpty(), "Russian function words are skipped, not required");
        assertEquals("kontrakt", keys("dogovor na ponyatnom yazyke", Language.RU).get(0), "and in Latin letters too");
    }

    @Test
    void moreThanAThousandMatchesAreReportedAsMoreNotCountedToTheEnd() {
        List<SearchDocument> many = new java.util.ArrayList<>();
        for (int i = 0; i < SearchIndex.COUNT_LIMIT + 5; i++) {
            many.add(ro("p" + i, "Pașaportul numărul " + i, "Pașaportul rămâne la tine. Copia " + i + " o lași acasă.", "documente"));
        }
        try (SearchIndex own = SearchIndex.open(dir.resolveSibling(dir.getFileName() + "-many"))) {
            own.rebuild(List.of(new ListSource(many)), 0);
            SearchService search = new SearchService(own, () -> { }, Clock.fixed(NOW, ZoneOffset.UTC));
            SearchResults common = search.search(SearchQuery.of("pașaport copia", Language.RO));
            assertEquals(SearchIndex.COUNT_LIMIT, common.total());
            assertFalse(common.totalExact(), "over 1,000: reported as 'more than 1,000'");
            assertEquals(10, common.hits().size());
            assertEquals("p7", search.search(SearchQuery.of("copia 7", Language.RO)).hits().get(0).key(),
                    "the one document with both words comes first");
            SearchResults rare = search.search(SearchQuery.of("7", Language.RO));
            assertEquals(1, rare.total());
            assertTrue(rare.totalExact());
            SearchQuery last = new SearchQuery("pașaport", Language.RO, false, Optional.empty(), Optional.empty(), 100, 10);
            assertEquals(10, search.search(last).hits().size(), "the hundredth page is there");
        }
    }

    @Test
    void misspelledWordGetsADidYouMean() {
        SearchResults results = service.search(SearchQuery.of("pasaprot", Language.RO));
        assertTrue(results.suggestion() != null && results.suggestion().startsWith("pasaport"), "got " + results.suggestion());
        assertFalse(service.search(SearchQuery.of(results.suggestion(), Language.RO)).hits().isEmpty(),
                "the suggestion finds something");
    }

    @Test
    void aMisspelledWordBesideAKnownOneGetsADidYouMean() {
        SearchResults results = service.search(SearchQuery.of("contract licenta agentiei pasaprot", Language.RO));
        assertFalse(results.hits().isEmpty(), "the known words still find the agency article");
        assertEquals("contract licenta agentiei pasaport", results.suggestion());
    }

    @Test
    void correctWordsGetNoSuggestion() {
        assertNull(service.search(SearchQuery.of("pașaport", Language.RO)).suggestion());
        assertNull(service.search(SearchQuery.of("pasaport copii acte", Language.RO)).suggestion());
    }

    @Test
    void snippetsMarkTheMatchesAndEscapeEverythingElse() {
        SearchResults results = service.search(SearchQuery.of("pașaportul", Language.RO));
        String snippet = results.hits().get(0).snippet();
        assertTrue(snippet.contains("<mark>"), snippet);
        assertFalse(snippet.replace("<mark>", "").replace("</mark>", "").contains("<"), snippet);
    }

    @Test
    void scheduledArticlesAreNotFoundBeforeTheirTime() {
        assertFalse(keys("subiectul", Language.RO).contains("viitor"));
        SearchService later = new SearchService(index, () -> { }, Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC));
        assertTrue(later.search(SearchQuery.of("subiectul", Language.RO)).hits().stream().anyMatch(h -> h.key().equals("viitor")));
    }

    @Test
    void scheduledArticlesAreLeftOutOfTheCountUntilTheirTime() {
        SearchResults before = service.search(SearchQuery.of("pașaportul", Language.RO));
        SearchService later = new SearchService(index, () -> { }, Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC));
        SearchResults after = later.search(SearchQuery.of("pașaportul", Language.RO));
        assertTrue(before.hits().stream().noneMatch(h -> h.key().equals("viitor")));
        assertEquals(before.total() + 1, after.total());
    }

    @Test
    void resultsAreInThePageLanguageUnlessBothAreAsked() {
        assertTrue(keys("паспорт", Language.RO).isEmpty());
        SearchQuery both = new SearchQuery("паспорт", Language.RO, true, Optional.empty(), Optional.empty(), 1, 10);
        assertEquals(List.of("pasport"), service.search(both).hits().stream().map(SearchHit::key).toList());
    }

    @Test
    void categoryFilterKeepsOnlyThatCategory() {
        SearchQuery query = new SearchQuery("contract", Language.RO, false, Optional.empty(), Optional.of("documente"), 1, 10);
        assertTrue(service.search(query).hits().isEmpty());
    }

    @Test
    void pagesSplitTheResults() {
        SearchQuery first = new SearchQuery("contract", Language.RO, false, Optional.empty(), Optional.empty(), 1, 1);
        SearchQuery second = new SearchQuery("contract", Language.RO, false, Optional.empty(), Optional.empty(), 2, 1);
        SearchResults one = service.search(first);
        SearchResults two = service.search(second);
        assertEquals(2, one.total());
        assertEquals(1, one.hits().size());
        assertFalse(one.hits().get(0).key().equals(two.hits().get(0).key()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"pașaport", "AND OR", "*", "?", "title:(", "/[a-z]+/", "pasa*", "pașaport~2",
            "'; DROP TABLE articles; --", "<script>alert(1)</script>", "+-|()\"~*", "\u0000", "\u202e", "\ud800",
            "a AND (b OR", "\\", "field:value^10"})
    void anythingTypedGetsAnAnswerNotAnError(String typed) {
        SearchResults results = service.search(SearchQuery.of(typed, Language.RO));
        assertTrue(results.total() >= 0);
        results.hits().forEach(h -> assertFalse(h.snippet().contains("<script"), h.snippet()));
    }

    @Test
    void eachSearchIsCountedButNothingOfItIsKept() {
        java.util.concurrent.atomic.AtomicInteger counted = new java.util.concurrent.atomic.AtomicInteger();
        SearchService counting = new SearchService(index, counted::incrementAndGet, Clock.fixed(NOW, ZoneOffset.UTC));
        counting.search(SearchQuery.of("pasaport", Language.RO));
        counting.search(SearchQuery.of("   ", Language.RO));
        assertEquals(1, counted.get(), "an empty box is not a search");
    }

    @Test
    void searchesTakeTurnsAndAreRefusedPolitelyWhenTheTurnDoesNotCome() throws Exception {
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean firstSearch = new java.util.concurrent.atomic.AtomicBoolean(true);
        SearchService oneAtATime = new SearchService(index, () -> {
            if (firstSearch.getAndSet(false)) {
                running.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, Clock.fixed(NOW, ZoneOffset.UTC), 1, 1, java.time.Duration.ofMillis(300));
        java.util.concurrent.atomic.AtomicReference<SearchResults> slow = new java.util.concurrent.atomic.AtomicReference<>();
        Thread first = new Thread(() -> slow.set(oneAtATime.search(SearchQuery.of("pasaport", Language.RO))), "slow-search");
        first.start();
        assertTrue(running.await(5, java.util.concurrent.TimeUnit.SECONDS));
        long started = System.nanoTime();
        assertThrows(SearchBusyException.class, () -> oneAtATime.search(SearchQuery.of("contract", Language.RO)),
                "the one turn is taken for longer than the wait allows");
        assertTrue(System.nanoTime() - started >= 250_000_000L, "it waited for its turn before giving up");
        finish.countDown();
        first.join(5_000);
        assertEquals(List.of("pasaport"), slow.get().hits().stream().map(SearchHit::key).toList());
        assertFalse(oneAtATime.search(SearchQuery.of("contract", Language.RO)).hits().isEmpty(), "the turn is free again");
    }

    @Test
    void aSearchThatHasItsTurnIsAnsweredEvenWhenItTakesLongerThanTheWait() {
        SearchService slowToRun = new SearchService(index, () -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Clock.fixed(NOW, ZoneOffset.UTC), 1, 1, java.time.Duration.ofMillis(200));
        assertEquals(List.of("pasaport"), slowToRun.search(SearchQuery.of("pasaport", Language.RO)).hits().stream()
                .map(SearchHit::key).toList(), "only the wait for a turn is limited, not the search");
    }

    @Test
    void overlongQueriesAreRefusedWithAReason() {
        InvalidQueryException tooLong = assertThrows(InvalidQueryException.class,
                () -> service.search(SearchQuery.of("a".repeat(10_000), Language.RO)));
        assertEquals(InvalidQueryException.Reason.TOO_LONG, tooLong.reason());
        InvalidQueryException tooMany = assertThrows(InvalidQueryException.class,
                () -> service.search(SearchQuery.of("a ".repeat(60), Language.RO)));
        assertEquals(InvalidQueryException.Reason.TOO_MANY_WORDS, tooMany.reason());
    }

    @Test
    void positionAndAnalyzerVersionSurviveReopening() {
        index.commit(42);
        index.close();
        index = SearchIndex.open(dir);
        assertEquals(42, index.position());
        assertFalse(index.needsRebuild());
        assertEquals(CORPUS.size(), index.documentCount());
    }

    @Test
    void aNewIndexAsksForARebuild() throws Exception {
        try (SearchIndex fresh = SearchIndex.open(Files.createDirectory(dir.resolveSibling(dir.getFileName() + "-fresh")))) {
            assertTrue(fresh.needsRebuild());
        }
    }

    @Test
    void aCorruptIndexIsRebuiltNotFatal() throws Exception {
        index.close();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4});
            }
        }
        index = SearchIndex.open(dir);
        assertTrue(index.needsRebuild());
        index.rebuild(List.of(new ListSource(CORPUS)), 0);
        service = new SearchService(index, () -> { }, Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(List.of("pasaport"), keys("pasaport", Language.RO));
    }

    @Test
    void anIndexWrittenInAnOlderLayoutIsRebuilt() throws Exception {
        index.close();
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir);
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig(PortalAnalyzers.perField()))) {
            writer.setLiveCommitData(java.util.Map.of(SearchIndex.POSITION, "7", SearchIndex.ANALYZERS,
                    PortalAnalyzers.VERSION, SearchIndex.LAYOUT_KEY, "1").entrySet());
            writer.commit();
        }
        index = SearchIndex.open(dir);
        assertTrue(index.needsRebuild());
    }

    @Test
    void aSourceThatFailsMidwayLeavesTheRebuildToBeDone() {
        SearchSource failing = new ListSource(CORPUS) {
            @Override
            public void forEach(Consumer<SearchDocument> consumer) {
                consumer.accept(CORPUS.get(0));
                throw new IllegalStateException("the database went away");
            }
        };
        try (SearchIndex fresh = SearchIndex.open(dir.resolveSibling(dir.getFileName() + "-failing"))) {
            assertThrows(IllegalStateException.class, () -> fresh.rebuild(List.of(failing), 3));
            assertTrue(fresh.needsRebuild());
            assertEquals(0, fresh.position());
            assertEquals(CORPUS.size(), fresh.rebuild(List.of(new ListSource(CORPUS)), 3));
            assertFalse(fresh.needsRebuild());
        }
    }

    @Test
    void snippetsAreSentencesAroundTheMatch() {
        SearchHit hit = service.search(SearchQuery.of("copii", Language.RO)).hits().get(0);
        // Sentences are joined up to about 120 characters, phone-screen sized; this body is shorter than that.
        assertEquals("Nu da nimănui pașaportul. Păstrează <mark>copii</mark> ale actelor în mai multe locuri.", hit.snippet());
    }

    @Test
    void snippetsShowListsAndLinesAsReadersSeeThem() {
        // The plain text of a Markdown list keeps "- " before each item.
        index.replace("article", "bagaj", List.of(ro("bagaj", "Ce iei cu tine", """
                Înainte de plecare, fă o listă cu tot ce îți trebuie și verific-o împreună cu cineva de încredere.
                - pașaportul și buletinul, pe care le ții doar tu, niciodată la angajator sau la intermediar;
                - o copie a contractului semnat, în limba pe care o înțelegi, și datele de contact ale angajatorului;
                - numărul liniei fierbinți, 0 800 77777, scris și pe hârtie, nu doar în telefon.""", "documente")));
        index.commit(1);
        // Where the snippet starts and after "… ", a passage begins at the item's text, not at its dash.
        assertEquals("pașaportul și <mark>buletinul</mark>, pe care le ții doar tu, niciodată la angajator sau la "
                        + "intermediar; … numărul liniei <mark>fierbinți</mark>, 0 800 77777, scris și pe hârtie, nu doar în telefon.",
                service.search(SearchQuery.of("buletinul fierbinți", Language.RO)).hits().get(0).snippet());
        // Within a passage, a line break shows as " · " and the marker after it is left out.
        assertEquals("Înainte de plecare, fă o listă cu tot ce îți trebuie și verific-o împreună cu cineva de "
                        + "<mark>încredere</mark>. · pașaportul și <mark>buletinul</mark>, pe care le ții doar tu, niciodată la "
                        + "angajator sau la intermediar;",
                service.search(SearchQuery.of("încredere buletinul", Language.RO)).hits().get(0).snippet());
    }

    @Test
    void replacingAnItemUpdatesAllItsLanguages() {
        index.replace("article", "pasaport", List.of());
        index.commit(1);
        assertTrue(keys("pasaport", Language.RO).isEmpty());
    }

    private List<String> keys(String typed, Language language) {
        return service.search(SearchQuery.of(typed, language)).hits().stream().map(SearchHit::key).toList();
    }

    static SearchDocument ro(String key, String title, String body, String category) {
        return ro(key, title, body, category, PAST);
    }

    static SearchDocument ro(String key, String title, String body, String category, Instant visibleFrom) {
        return new SearchDocument("article", key, Language.RO, key, title, null, body, category, visibleFrom);
    }

    static SearchDocument ru(String key, String title, String body, String category) {
        return new SearchDocument("article", key, Language.RU, key, title, null, body, category, PAST);
    }

    static class ListSource implements SearchSource {
        private final List<SearchDocument> documents;

        ListSource(List<SearchDocument> documents) {
            this.documents = documents;
        }

        @Override
        public String type() {
            return "article";
        }

        @Override
        public List<SearchDocument> documents(String key) {
            return documents.stream().filter(d -> d.key().equals(key)).toList();
        }

        @Override
        public void forEach(Consumer<SearchDocument> consumer) {
            documents.forEach(consumer);
        }
    }
}
