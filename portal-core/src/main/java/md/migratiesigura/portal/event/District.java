package md.migratiesigura.portal.event;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;

/**
 * Where an event takes place: one of Moldova's 32 districts (raioane), the municipalities Chișinău, Bălți and
 * Bender, the autonomous territorial unit Gagauzia and the localities on the left bank of the Dniester, as the
 * official administrative list has them. The key is stored; names are shown in the reader's language.
 */
public record District(String key, String ro, String ru) implements Serializable {

    public static final List<District> ALL = List.of(
            new District("chisinau", "municipiul Chișinău", "муниципий Кишинёв"),
            new District("balti", "municipiul Bălți", "муниципий Бельцы"),
            new District("bender", "municipiul Bender", "муниципий Бендеры"),
            new District("anenii-noi", "Anenii Noi", "Анений Ной"),
            new District("basarabeasca", "Basarabeasca", "Басарабяска"),
            new District("briceni", "Briceni", "Бричень"),
            new District("cahul", "Cahul", "Кагул"),
            new District("calarasi", "Călărași", "Кэлэрашь"),
            new District("cantemir", "Cantemir", "Кантемир"),
            new District("causeni", "Căușeni", "Кэушень"),
            new District("cimislia", "Cimișlia", "Чимишлия"),
            new District("criuleni", "Criuleni", "Криулень"),
            new District("donduseni", "Dondușeni", "Дондюшень"),
            new District("drochia", "Drochia", "Дрокия"),
            new District("dubasari", "Dubăsari", "Дубэсарь"),
            new District("edinet", "Edineț", "Единец"),
            new District("falesti", "Fălești", "Фэлешть"),
            new District("floresti", "Florești", "Флорешть"),
            new District("glodeni", "Glodeni", "Глодень"),
            new District("hincesti", "Hîncești", "Хынчешть"),
            new District("ialoveni", "Ialoveni", "Яловень"),
            new District("leova", "Leova", "Леова"),
            new District("nisporeni", "Nisporeni", "Ниспорень"),
            new District("ocnita", "Ocnița", "Окница"),
            new District("orhei", "Orhei", "Орхей"),
            new District("rezina", "Rezina", "Резина"),
            new District("riscani", "Rîșcani", "Рышкань"),
            new District("singerei", "Sîngerei", "Сынджерей"),
            new District("soldanesti", "Șoldănești", "Шолдэнешть"),
            new District("soroca", "Soroca", "Сорока"),
            new District("stefan-voda", "Ștefan Vodă", "Штефан-Водэ"),
            new District("straseni", "Strășeni", "Страшень"),
            new District("taraclia", "Taraclia", "Тараклия"),
            new District("telenesti", "Telenești", "Теленешть"),
            new District("ungheni", "Ungheni", "Унгень"),
            new District("gagauzia", "UTA Găgăuzia (Comrat)", "АТО Гагаузия (Комрат)"),
            new District("stinga-nistrului", "Stânga Nistrului (Tiraspol)", "Левобережье Днестра (Тирасполь)"));

    public String name(Language language) {
        return language == Language.RO ? ro : ru;
    }

    /** The district with this key. */
    public static Optional<District> byKey(String key) {
        return ALL.stream().filter(d -> d.key.equals(key)).findFirst();
    }

    /**
     * The district named by a key or by its name in either language, with or without diacritics and the
     * "municipiul" prefix ("Criuleni", "Strășeni", "Straseni", "Chișinău", "Кишинёв").
     */
    public static Optional<District> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = fold(text);
        return ALL.stream().filter(d -> d.key.equals(text.strip()) || fold(d.ro).equals(wanted)
                || fold(d.ru).equals(wanted) || fold(shortName(d.ro)).equals(wanted)
                || fold(shortName(d.ru)).equals(wanted)).findFirst();
    }

    private static String shortName(String name) {
        String plain = name.replaceFirst("^(municipiul|муниципий) ", "");
        int bracket = plain.indexOf(" (");
        return bracket < 0 ? plain : plain.substring(0, bracket);
    }

    private static String fold(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replace('ş', 'ș').replace('ţ', 'ț');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[\\s-]+", " ");
    }
}
