import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * Event files for the performance benchmark, in the content folder format of PORTAL_SPEC.md §4:
 *
 * <pre>java deploy/bench/EventGenerator.java OUT_CONTENT_DIR [EVENTS=2000] [SEED=4]</pre>
 *
 * Writes {@code OUT_CONTENT_DIR/events/bench-event-NNNNN.yml}: the six event types in turn, in real districts, from
 * January 2025 to June 2027 (so both past and upcoming ones), past ones held with participants and materials. Titles
 * and descriptions are the plain wording of the hotline team's activities; deterministic for a given seed.
 */
public final class EventGenerator {

    private static final long SPAN_HOURS = 30L * 30 * 24;
    private static final String[] TYPES = {"school-session", "exhibition", "campaign", "training", "media", "community"};
    private static final String[][] TITLES = {
            {"Sesiune de informare despre migrația sigură", "Информационная сессия о безопасной миграции"},
            {"Expoziție: muncă în siguranță peste hotare", "Выставка: безопасная работа за рубежом"},
            {"Campanie de informare împotriva traficului de persoane", "Информационная кампания против торговли людьми"},
            {"Instruire pentru specialiști: identificarea victimelor traficului",
                    "Тренинг для специалистов: выявление жертв торговли людьми"},
            {"Emisiune radio despre ofertele de muncă false", "Радиопередача о ложных предложениях работы"},
            {"Întâlnire cu comunitatea despre angajarea legală în străinătate",
                    "Встреча с жителями о легальном трудоустройстве за рубежом"}};
    private static final String[][] DESCRIPTIONS = {
            {"Cum verifici o ofertă de muncă și o agenție de recrutare, ce documente păstrezi la tine și unde ceri ajutor. "
                    + "Linia fierbinte: 0 800 77777, gratuit, zilnic între 08:00 și 20:00.",
                    "Как проверить предложение о работе и кадровое агентство, какие документы держать при себе и куда "
                            + "обращаться за помощью. Горячая линия: 0 800 77777, бесплатно, ежедневно с 08:00 до 20:00."}};
    private static final String[] RAIONS = {"Anenii Noi", "Briceni", "Cahul", "Cantemir", "Călărași", "Căușeni",
            "Cimișlia", "Criuleni", "Dondușeni", "Drochia", "Dubăsari", "Edineț", "Fălești", "Florești", "Glodeni",
            "Hîncești", "Ialoveni", "Leova", "Nisporeni", "Ocnița", "Orhei", "Rezina", "Rîșcani", "Sîngerei",
            "Soroca", "Strășeni", "Șoldănești", "Ștefan Vodă", "Taraclia", "Telenești", "Ungheni"};

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: EventGenerator.java OUT_CONTENT_DIR [EVENTS=2000] [SEED=4]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).resolve("events");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 4);
        Files.createDirectories(dir);
        LocalDateTime first = LocalDateTime.of(2025, 1, 8, 10, 0);
        LocalDateTime now = LocalDateTime.now();
        for (int i = 0; i < count; i++) {
            int type = i % TYPES.length;
            // Thirty months, January 2025 to June 2027, evenly.
            LocalDateTime start = first.plusHours((long) i * SPAN_HOURS / count)
                    .withHour(9 + random.nextInt(7)).withMinute(random.nextBoolean() ? 0 : 30);
            LocalDateTime end = start.plusMinutes(60 + 30L * random.nextInt(4));
            String raion = RAIONS[random.nextInt(RAIONS.length)];
            boolean past = end.isBefore(now);
            StringBuilder yml = new StringBuilder()
                    .append("type: ").append(TYPES[type]).append('\n')
                    .append("start: ").append(start).append('\n')
                    .append("end: ").append(end).append('\n')
                    .append("raion: \"").append(raion).append("\"\n")
                    .append("locality: \"").append(raion).append("\"\n")
                    .append("venue: \"Casa de cultură\"\n")
                    .append("status: ").append(past ? "held" : "planned").append('\n');
            if (past) {
                yml.append("participants: ").append(15 + random.nextInt(120)).append('\n')
                        .append("materials: ").append(20 + random.nextInt(200)).append('\n');
            }
            yml.append("ro: { title: \"").append(TITLES[type][0]).append(" — ").append(raion)
                    .append("\", description: \"").append(DESCRIPTIONS[0][0]).append("\" }\n")
                    .append("ru: { title: \"").append(TITLES[type][1]).append(" — ").append(raion)
                    .append("\", description: \"").append(DESCRIPTIONS[0][1]).append("\" }\n");
            Files.writeString(dir.resolve(String.format("bench-event-%05d.yml", i + 1)), yml, StandardCharsets.UTF_8);
        }
        System.out.println("Events: " + count + " files in " + dir);
    }
}
