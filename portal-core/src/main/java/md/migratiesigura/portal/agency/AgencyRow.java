package md.migratiesigura.portal.agency;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One well-formed row of the official list, as read from the CSV.
 *
 * @param line      the line of the file the row starts on
 * @param countries ISO 3166 alpha-2 codes, in the order of the file
 */
public record AgencyRow(int line, String idno, String name, String licenceNumber, LocalDate validUntil,
                        List<String> countries, List<String> partners) implements Serializable {

    public AgencyRow {
        countries = List.copyOf(countries);
        partners = List.copyOf(partners);
    }
}
