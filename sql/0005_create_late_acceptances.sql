-- The secretariat may accept a country's entry after the deadline, until a given instant, and
-- must say why. The entry rules below consult this table.
SET ROLE ecpa_owner;

CREATE TABLE ecpa.late_acceptances (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id     bigint NOT NULL REFERENCES ecpa.editions (id),
    country_code   text NOT NULL REFERENCES ecpa.countries (code),
    reason         text NOT NULL CHECK (btrim(reason) <> ''),
    accepted_until timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    recorded_by    text NOT NULL DEFAULT current_user,
    CONSTRAINT late_acceptances_until_after_recording CHECK (accepted_until > recorded_at)
);

CREATE FUNCTION ecpa.late_acceptances_stamp() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    NEW.recorded_at := now();
    NEW.recorded_by := current_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER late_acceptances_stamp BEFORE INSERT ON ecpa.late_acceptances
    FOR EACH ROW EXECUTE FUNCTION ecpa.late_acceptances_stamp();

ALTER TABLE ecpa.late_acceptances ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.late_acceptances FORCE ROW LEVEL SECURITY;
CREATE POLICY late_acceptances_secretariat ON ecpa.late_acceptances
    USING (ecpa.is_secretariat()) WITH CHECK (ecpa.is_secretariat());
CREATE POLICY late_acceptances_own_country ON ecpa.late_acceptances FOR SELECT
    USING (country_code = ecpa.my_country());

GRANT SELECT, INSERT ON ecpa.late_acceptances TO ecpa_secretariat;
GRANT SELECT ON ecpa.late_acceptances TO ecpa_national_representative;

RESET ROLE;
