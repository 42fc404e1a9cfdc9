-- One edition of the award a year: theme, host, conference dates, time zone, phase and the
-- submission window. The deadline is an instant (timestamptz); the time zone is for display.
SET ROLE ecpa_owner;

CREATE FUNCTION ecpa.is_time_zone(p_name text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
    AS $$ SELECT EXISTS (SELECT FROM pg_timezone_names WHERE name = p_name) $$;

CREATE TABLE ecpa.editions (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year                 integer NOT NULL UNIQUE CHECK (year BETWEEN 1997 AND 2200),
    theme                text NOT NULL CHECK (btrim(theme) <> ''),
    host_country_code    text NOT NULL REFERENCES ecpa.countries (code),
    host_city            text,
    conference_start     date,
    conference_end       date,
    time_zone            text NOT NULL DEFAULT 'Europe/Brussels',
    phase                text NOT NULL DEFAULT 'draft' CHECK (phase IN (
                             'draft', 'submissions_open', 'submissions_closed',
                             'scoring', 'frozen', 'published')),
    submissions_open_at  timestamptz,
    submissions_close_at timestamptz,
    prize_gold           numeric(12, 2) CHECK (prize_gold >= 0),
    prize_silver         numeric(12, 2) CHECK (prize_silver >= 0),
    prize_bronze         numeric(12, 2) CHECK (prize_bronze >= 0),
    created_at           timestamptz NOT NULL DEFAULT now(),
    created_by           text NOT NULL DEFAULT current_user,
    CONSTRAINT editions_conference_dates_in_order
        CHECK (conference_end >= conference_start),
    CONSTRAINT editions_deadline_after_opening
        CHECK (submissions_close_at > submissions_open_at),
    CONSTRAINT editions_time_zone_known
        CHECK (ecpa.is_time_zone(time_zone)),
    CONSTRAINT editions_open_needs_deadline
        CHECK (phase = 'draft' OR submissions_close_at IS NOT NULL)
);

-- The lifecycle (DESIGN.md section 3): one step forward at a time; a closed call may reopen.
CREATE FUNCTION ecpa.editions_guard_phase() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.phase <> 'draft' THEN
            RAISE EXCEPTION 'a new edition starts in the draft phase' USING ERRCODE = 'EC003';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.phase IS DISTINCT FROM OLD.phase AND NOT (
           (OLD.phase, NEW.phase) IN (
               ('draft', 'submissions_open'),
               ('submissions_open', 'submissions_closed'),
               ('submissions_closed', 'submissions_open'),
               ('submissions_closed', 'scoring'),
               ('scoring', 'frozen'),
               ('frozen', 'published'))) THEN
        RAISE EXCEPTION 'the % edition cannot move from % to %', OLD.year,
                replace(OLD.phase, '_', ' '), replace(NEW.phase, '_', ' ')
            USING ERRCODE = 'EC003',
                  HINT = 'Phases go draft, submissions open, submissions closed, scoring, frozen, published.';
    END IF;
    IF OLD.phase IN ('frozen', 'published') AND (NEW.year, NEW.theme, NEW.host_country_code,
           NEW.submissions_open_at, NEW.submissions_close_at, NEW.prize_gold, NEW.prize_silver,
           NEW.prize_bronze) IS DISTINCT FROM (OLD.year, OLD.theme, OLD.host_country_code,
           OLD.submissions_open_at, OLD.submissions_close_at, OLD.prize_gold, OLD.prize_silver,
           OLD.prize_bronze) THEN
        RAISE EXCEPTION 'the % edition is %; its details can no longer change', OLD.year, OLD.phase
            USING ERRCODE = 'EC002';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER editions_guard_phase BEFORE INSERT OR UPDATE ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.editions_guard_phase();

GRANT SELECT ON ecpa.editions TO ecpa_secretariat, ecpa_national_representative, ecpa_reader;
GRANT INSERT, UPDATE ON ecpa.editions TO ecpa_secretariat;

RESET ROLE;
