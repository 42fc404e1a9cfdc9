-- Member states, by ISO 3166-1 alpha-2 code (so Greece is GR). The United Kingdom stays for
-- editions before it left the Union.
SET ROLE ecpa_owner;

CREATE TABLE ecpa.countries (
    code         text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
    name         text NOT NULL UNIQUE,
    is_eu_member boolean NOT NULL
);

INSERT INTO ecpa.countries (code, name, is_eu_member) VALUES
    ('AT', 'Austria', true),
    ('BE', 'Belgium', true),
    ('BG', 'Bulgaria', true),
    ('HR', 'Croatia', true),
    ('CY', 'Cyprus', true),
    ('CZ', 'Czechia', true),
    ('DK', 'Denmark', true),
    ('EE', 'Estonia', true),
    ('FI', 'Finland', true),
    ('FR', 'France', true),
    ('DE', 'Germany', true),
    ('GR', 'Greece', true),
    ('HU', 'Hungary', true),
    ('IE', 'Ireland', true),
    ('IT', 'Italy', true),
    ('LV', 'Latvia', true),
    ('LT', 'Lithuania', true),
    ('LU', 'Luxembourg', true),
    ('MT', 'Malta', true),
    ('NL', 'Netherlands', true),
    ('PL', 'Poland', true),
    ('PT', 'Portugal', true),
    ('RO', 'Romania', true),
    ('SK', 'Slovakia', true),
    ('SI', 'Slovenia', true),
    ('ES', 'Spain', true),
    ('SE', 'Sweden', true),
    ('GB', 'United Kingdom', false);

GRANT SELECT ON ecpa.countries TO ecpa_secretariat, ecpa_national_representative, ecpa_reader;
RESET ROLE;
