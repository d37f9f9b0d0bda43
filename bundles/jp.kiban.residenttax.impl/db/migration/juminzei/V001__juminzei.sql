-- 個人住民税 (module juminzei). Own copy of the taxpayers of each tax year; never references resident_* or addressee tables.
CREATE TABLE juminzei_taxpayer (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  tax_year INTEGER NOT NULL,
  addressee_number VARCHAR(20) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  name VARCHAR(200) NOT NULL,
  furigana VARCHAR(200) NOT NULL,
  birth_date DATE,
  female BOOLEAN,
  postal_code VARCHAR(10) NOT NULL,
  address VARCHAR(400) NOT NULL,
  household_number VARCHAR(20),
  lives_in_town BOOLEAN NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX juminzei_taxpayer_year ON juminzei_taxpayer (tax_year, furigana);
CREATE INDEX juminzei_taxpayer_person ON juminzei_taxpayer (addressee_number);

-- 所得・控除 per person for a tax year (the income of the calendar year before)
CREATE TABLE juminzei_income (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  tax_year INTEGER NOT NULL,
  addressee_number VARCHAR(20) NOT NULL,
  salary_revenue BIGINT NOT NULL,
  other_income BIGINT NOT NULL,
  social_insurance BIGINT NOT NULL,
  spouse VARCHAR(10) NOT NULL,
  dependents_under16 INTEGER NOT NULL,
  dependents_general INTEGER NOT NULL,
  dependents_specific INTEGER NOT NULL,
  dependents_elderly INTEGER NOT NULL,
  dependents_elderly_cohabiting INTEGER NOT NULL,
  disabled BOOLEAN NOT NULL,
  single_status VARCHAR(20) NOT NULL,
  public_assistance BOOLEAN NOT NULL,
  source VARCHAR(10) NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX juminzei_income_year ON juminzei_income (tax_year);

-- the yearly batch (当初課税): one row per taxpayer and tax year
CREATE TABLE juminzei_assessment (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  tax_year INTEGER NOT NULL,
  addressee_number VARCHAR(20) NOT NULL,
  municipal_tax BIGINT NOT NULL,
  prefectural_tax BIGINT NOT NULL,
  forest_tax BIGINT NOT NULL,
  annual_tax BIGINT NOT NULL,
  exemption VARCHAR(30) NOT NULL,
  computed_at TIMESTAMP NOT NULL
);
CREATE INDEX juminzei_assessment_year ON juminzei_assessment (tax_year);

-- the town's settings of this business (級地)
CREATE TABLE juminzei_setting (
  setting_key VARCHAR(60) NOT NULL PRIMARY KEY,
  setting_value VARCHAR(60) NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
