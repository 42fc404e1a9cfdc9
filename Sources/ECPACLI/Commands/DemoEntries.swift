/// Illustrative entry files for the demo. Titles and countries are the real 2018 medal winners;
/// every other text is written for the demo and says so.
enum DemoEntries {
    static let finland = """
        # Illustrative demo entry: the title is the real 2018 gold winner's, the texts are not theirs.
        edition = 2018
        country = "FI"
        kind = "competing"
        title = "The Forssa approach: mediation of polarisation and inter-group conflicts"

        start_date = 2016-01-01
        still_running = true
        links = ["https://eucpn.org/"]

        description = \"\"\"
        Illustrative text for the ecpa demo. A local mediation approach in which police, \
        municipality and community partners meet groups in conflict, listen to each side and \
        agree on steps that lower tension and fear of crime in the town.
        \"\"\"
        objectives = "Illustrative: lower inter-group tension and the fear of crime."
        target_group = "Illustrative: residents and groups involved in local conflicts."
        evaluation_method = "Illustrative: interviews and incident statistics before and after."
        evaluation_results = "Illustrative: fewer reported incidents; residents report feeling safer."
        innovation = "Illustrative: mediation led jointly by police and community workers."
        partners = "Illustrative: police, municipality, NGOs, religious communities."
        transferability = "Illustrative: the method needs no special legislation."
        costs_funding = "Illustrative: staff time of the partners; small project grant."

        [contact]
        name = "Demo contact (Finland)"
        organisation = "Illustrative organisation"
        email = "demo-fi@example.org"
        phone = "+358 00 000 0000"
        """

    static let lithuania = """
        # Illustrative demo entry: the title is the real 2018 silver winner's, the texts are not theirs.
        edition = 2018
        country = "LT"
        kind = "competing"
        title = "Šiauliai District Discovers a Security Formula"

        start_date = 2015-03-01
        still_running = false
        end_date = 2018-06-30

        description = \"\"\"
        Illustrative text for the ecpa demo. District police and local communities work out \
        together which safety problems matter most to residents and act on them in small, \
        visible steps.
        \"\"\"
        objectives = "Illustrative: more trust between residents and police."
        target_group = "Illustrative: rural communities of the district."
        evaluation_method = "Illustrative: resident surveys."
        evaluation_results = "Illustrative: trust in the police rose in the surveys."
        innovation = "Illustrative: residents choose the priorities."
        partners = "Illustrative: police, district municipality, community centres."
        transferability = "Illustrative: fits any rural district."
        costs_funding = "Illustrative: regular police budget."

        [contact]
        name = "Demo contact (Lithuania)"
        email = "demo-lt@example.org"
        """
}
