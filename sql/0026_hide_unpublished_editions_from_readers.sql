-- A public reader sees published editions and their schemes, nothing unpublished (DESIGN.md
-- section 2). Until now ecpa_reader could read every edition, drafts included, and the scoring
-- scheme of editions not yet published. Row-level security now shows readers published
-- editions only; everyone else who may read them still reads them all.
SET ROLE ecpa_owner;

ALTER TABLE ecpa.editions ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.editions FORCE ROW LEVEL SECURITY;
CREATE POLICY editions_owner ON ecpa.editions TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY editions_secretariat ON ecpa.editions TO ecpa_secretariat USING (true) WITH CHECK (true);
CREATE POLICY editions_read ON ecpa.editions FOR SELECT TO ecpa_national_representative, ecpa_juror USING (true);
CREATE POLICY editions_published ON ecpa.editions FOR SELECT TO ecpa_reader USING (phase = 'published');

ALTER TABLE ecpa.schemes ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.schemes FORCE ROW LEVEL SECURITY;
CREATE POLICY schemes_owner ON ecpa.schemes TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY schemes_secretariat ON ecpa.schemes TO ecpa_secretariat USING (true) WITH CHECK (true);
CREATE POLICY schemes_read ON ecpa.schemes FOR SELECT TO ecpa_national_representative, ecpa_juror USING (true);
CREATE POLICY schemes_published ON ecpa.schemes FOR SELECT TO ecpa_reader
    USING (edition_id IN (SELECT id FROM ecpa.published_editions));

ALTER TABLE ecpa.criteria ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.criteria FORCE ROW LEVEL SECURITY;
CREATE POLICY criteria_owner ON ecpa.criteria TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY criteria_secretariat ON ecpa.criteria TO ecpa_secretariat USING (true) WITH CHECK (true);
CREATE POLICY criteria_read ON ecpa.criteria FOR SELECT TO ecpa_national_representative, ecpa_juror USING (true);
CREATE POLICY criteria_published ON ecpa.criteria FOR SELECT TO ecpa_reader
    USING (edition_id IN (SELECT id FROM ecpa.published_editions));

RESET ROLE;
