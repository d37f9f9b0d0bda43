-- 国民健康保険 (module kokuho). Own copy of the resident items this business needs; never references resident_*.
CREATE TABLE kokuho_person (
  addressee_number VARCHAR(20) NOT NULL PRIMARY KEY,
  household_number VARCHAR(20) NOT NULL,
  name VARCHAR(200) NOT NULL,
  furigana VARCHAR(200) NOT NULL,
  birth_date DATE NOT NULL,
  relationship VARCHAR(40) NOT NULL,
  is_head BOOLEAN NOT NULL,
  resident BOOLEAN NOT NULL,
  address VARCHAR(400) NOT NULL,
  late_elderly_since DATE,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX kokuho_person_household ON kokuho_person (household_number);

-- 資格 periods: 取得日/事由, 喪失日/事由 (NULL while insured)
CREATE TABLE kokuho_qualification (
  id CHAR(36) NOT NULL PRIMARY KEY,
  addressee_number VARCHAR(20) NOT NULL,
  acquired_on DATE NOT NULL,
  acquisition_reason VARCHAR(30) NOT NULL,
  lost_on DATE,
  loss_reason VARCHAR(30),
  recorded_by VARCHAR(64) NOT NULL,
  recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX kokuho_qualification_person ON kokuho_qualification (addressee_number);

-- 所得 per person for a fiscal year (the income of the calendar year before)
CREATE TABLE kokuho_income (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  fiscal_year INTEGER NOT NULL,
  addressee_number VARCHAR(20) NOT NULL,
  total_income BIGINT NOT NULL,
  wage_earner BOOLEAN NOT NULL,
  source VARCHAR(10) NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX kokuho_income_year ON kokuho_income (fiscal_year);

-- rates per fiscal year, one row per setting (KokuhoRates.KEYS)
CREATE TABLE kokuho_rate (
  id VARCHAR(80) NOT NULL PRIMARY KEY,
  fiscal_year INTEGER NOT NULL,
  setting_key VARCHAR(60) NOT NULL,
  setting_value VARCHAR(40) NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX kokuho_rate_year ON kokuho_rate (fiscal_year);

-- 確認事項 raised by resident events
CREATE TABLE kokuho_task (
  id CHAR(36) NOT NULL PRIMARY KEY,
  created_at TIMESTAMP NOT NULL,
  kind VARCHAR(30) NOT NULL,
  change_id VARCHAR(36),
  household_number VARCHAR(20),
  addressee_number VARCHAR(20),
  change_date DATE NOT NULL,
  subject VARCHAR(400) NOT NULL,
  done BOOLEAN NOT NULL,
  resolved_by VARCHAR(64),
  resolved_at TIMESTAMP,
  note VARCHAR(400)
);
CREATE INDEX kokuho_task_done ON kokuho_task (done);

-- the yearly batch (当初賦課): one row per household and fiscal year
CREATE TABLE kokuho_assessment (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  fiscal_year INTEGER NOT NULL,
  household_number VARCHAR(20) NOT NULL,
  annual_tax BIGINT NOT NULL,
  medical BIGINT NOT NULL,
  support BIGINT NOT NULL,
  care BIGINT NOT NULL,
  reduction_tenths INTEGER NOT NULL,
  computed_at TIMESTAMP NOT NULL
);
CREATE INDEX kokuho_assessment_year ON kokuho_assessment (fiscal_year);
