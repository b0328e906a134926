package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Written on Friday 27 February 2026 unless a row says otherwise.
class ReturnDatesTest {

    static final LocalDate FRIDAY = LocalDate.of(2026, 2, 27);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I will be back on Monday, 2 March                      | 2026-03-02
            I'm back March 9th.                                    | 2026-03-09
            back on the 5th                                        | 2026-03-05
            returning on 2026-03-10                                | 2026-03-10
            returning 03/02/2026                                   | 2026-03-02
            until 12 March 2026                                    | 2026-03-13
            Out of the office through March 6, limited email.      | 2026-03-07
            I am away until Wednesday and will reply then.         | 2026-03-05
            I will return to the office on 16 March.               | 2026-03-16
            """)
    void english(String text, LocalDate back) {
        assertThat(ReturnDates.find(text, FRIDAY)).contains(back);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Ab dem 5. März bin ich wieder im Büro.                 | 2026-03-05
            ab dem 5. März wieder erreichbar                       | 2026-03-05
            bis einschließlich 4.3.2026                            | 2026-03-05
            Ich bin bis zum 6. März nicht im Haus.                 | 2026-03-07
            Ich bin am Montag, 9. März wieder da.                  | 2026-03-09
            Zurück am 10.03.                                       | 2026-03-10
            """)
    void german(String text, LocalDate back) {
        assertThat(ReturnDates.find(text, FRIDAY)).contains(back);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            de retour le 5 mars                                    | 2026-03-05
            jusqu'au 4 mars                                        | 2026-03-05
            Je suis absente jusqu’au vendredi 6 mars inclus.       | 2026-03-07
            Je serai de retour le lundi 9 mars 2026.               | 2026-03-09
            """)
    void french(String text, LocalDate back) {
        assertThat(ReturnDates.find(text, FRIDAY)).contains(back);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hasta el 5 de marzo                                    | 2026-03-06
            regreso el 5 de marzo                                  | 2026-03-05
            Estaré fuera de la oficina hasta el viernes 6 de marzo de 2026. | 2026-03-07
            Volveré el lunes 9 de marzo.                           | 2026-03-09
            """)
    void spanish(String text, LocalDate back) {
        assertThat(ReturnDates.find(text, FRIDAY)).contains(back);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vanaf 5 maart weer aanwezig                            | 2026-03-05
            tot en met 4 maart                                     | 2026-03-05
            Ik ben terug op maandag 9 maart.                       | 2026-03-09
            Ik ben t/m 6-3-2026 afwezig.                           | 2026-03-07
            """)
    void dutch(String text, LocalDate back) {
        assertThat(ReturnDates.find(text, FRIDAY)).contains(back);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            retorno em 5 de março                                  | 2026-03-05
            até 4 de março                                         | 2026-03-05
            Estarei de volta na segunda-feira, 9 de março.         | 2026-03-09
            Estou ausente até dia 6/3/2026.                        | 2026-03-07
            """)
    void portuguese(String text, LocalDate back) {
        assertThat(ReturnDates.find(text, FRIDAY)).contains(back);
    }

    @Test
    void a_date_without_a_year_is_the_next_one_after_the_message() {
        assertThat(ReturnDates.find("I will be back on 5 January.", LocalDate.of(2026, 12, 20)))
                .contains(LocalDate.of(2027, 1, 5));
    }

    @Test
    void a_day_named_with_both_orders_possible_takes_the_nearest_future_reading() {
        // Day first (4 January) is next week; month first (1 May) is months away.
        assertThat(ReturnDates.find("returning 04/01/2010", LocalDate.of(2009, 12, 30)))
                .contains(LocalDate.of(2010, 1, 4));
    }

    @Test
    void the_day_after_the_last_day_away_is_the_first_day_back_even_when_that_is_today() {
        assertThat(ReturnDates.find("Out until 26 February.", FRIDAY)).contains(FRIDAY);
    }

    @Test
    void the_wording_that_names_the_day_back_wins_over_the_last_day_away() {
        assertThat(ReturnDates.find("Away until 6 March, back in the office on 9 March.", FRIDAY))
                .contains(LocalDate.of(2026, 3, 9));
    }

    @Test
    void an_absence_start_is_not_a_return() {
        assertThat(ReturnDates.find("Ich bin ab dem 2. März im Urlaub.", FRIDAY)).isEmpty();
        assertThat(ReturnDates.find("I am away from 2 March.", FRIDAY)).isEmpty();
    }

    @Test
    void no_date_past_dates_and_no_reference_give_nothing() {
        assertThat(ReturnDates.find("I am out of the office with limited access to email.", FRIDAY)).isEmpty();
        assertThat(ReturnDates.find("I was away until 1 February 2026.", FRIDAY)).isEmpty();
        assertThat(ReturnDates.find("back on 5 March", null)).isEmpty();
        assertThat(ReturnDates.find("I'll get back to you on the proposal.", FRIDAY)).isEmpty();
    }
}
