/** Key facts from Cancer.Net's childhood ALL guide (cancer-net-childhood-all), Patient Power's "What is ALL?" page (what-is-all-2017), CureSearch's page on low white counts (curesearch-low-white-count), the Children's Oncology Group's fever page (cog-fever) and, for approvals made since Cancer.Net wrote its guide, the FDA and NICE, that the Childhood acute lymphoblastic leukemia (ALL) guide must contain (checked by tests/unit/guideFacts.test.ts). */
export const FACTS: readonly { fact: string; pattern: RegExp; source: string }[] = [
  // What ALL is
  {
    fact: 'Leukemia is a cancer of the blood',
    pattern: /leukemia is a cancer of the blood/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'ALL affects lymphocytes, immune-system white cells',
    pattern:
      /lymphocytes?[^.]*white blood cell[^.]*\.[^.]*immune system|lymphocytes?[^.]*white blood cell[^.]*immune system/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'ALL is the most common cancer in children',
    pattern:
      /most common (?:kind of |type of )?(?:childhood )?cancer(?: found)? in children|most common childhood cancer/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Also called childhood ALL or pediatric ALL',
    pattern: /pediatric ALL/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Bone marrow is the spongy red tissue inside the large bones',
    pattern: /spongy,? red tissue/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Lymphocytes live in blood, lymph nodes and spleen',
    pattern: /blood, the lymph nodes[^.]*spleen/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Healthy lymphocytes fight bacterial and viral infections',
    pattern: /bacteria and by viruses|bacterial and viral/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'In ALL, lymphocytes stay as immature lymphoblasts',
    pattern: /immature lymphoblast/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'White blood cells mature from stem cells in the marrow and then leave it to fight infection',
    pattern: /stem cells in the marrow and mature/i,
    source: 'what-is-all-2017'
  },
  {
    fact: 'Abnormal lymphoblasts cannot mature but keep multiplying in the marrow',
    pattern: /keep dividing and making more of themselves in the marrow/i,
    source: 'what-is-all-2017'
  },
  {
    fact: 'Lymphoblasts take up the space healthy cells need, causing symptoms',
    pattern: /take the room that healthy cells need/i,
    source: 'what-is-all-2017'
  },
  {
    fact: 'ALL develops quickly, so treatment should start as soon as possible',
    pattern: /ALL grows quickly[^.]*\.[^.]*as soon as/i,
    source: 'what-is-all-2017'
  },
  { fact: 'Patient groups offer support', pattern: /patient groups/i, source: 'what-is-all-2017' },
  {
    fact: 'Red cells carry oxygen, white cells fight infection, platelets help clotting',
    pattern:
      /red blood cells\*\* take oxygen[\s\S]*white blood cells\*\* fight infection[\s\S]*platelets\*\*[^.]*\.[^.]*clots/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Anemia can cause fatigue, irritability, sleepiness, paleness, shortness of breath and a fast heartbeat',
    pattern:
      /anemia[^\n]*tired, grumpy or sleepy, look pale, get short of breath, or have a fast heartbeat/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Low platelets mean bruising and bleeding more easily',
    pattern: /platelet count is low/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Lymphoblasts may spread to skin, liver, spleen, spinal fluid, ovaries and testicles',
    pattern:
      /skin, the liver, the spleen, the fluid around the brain and spinal cord, the ovaries and the testicles/i,
    source: 'cancer-net-childhood-all'
  },
  // Statistics
  {
    fact: 'About 75% of people under 20 diagnosed with leukemia have ALL',
    pattern: /75%[^.]*younger than 20/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Most cases occur between ages 2 and 5',
    pattern: /between the ages of 2 and 5/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'About 400 people aged 15 to 19 in the US are diagnosed each year',
    pattern: /about 400[^.]*15 to 19/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'ALL is less common in girls than boys',
    pattern: /boys get ALL more often than girls/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'ALL is slightly more frequent in Hispanic and White than in Asian and Black children',
    pattern: /Hispanic and White children are a little more likely[^.]*Black and Asian/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: '5-year relative survival for ages 0 to 14 is 92%',
    pattern: /0 to 14[^.]*92%/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: '5-year relative survival for ages 15 to 19 is 77%',
    pattern: /15 to 19[^.]*77%/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Relative survival example: 90%, 1,000 people, 900 expected alive, 810 with cancer',
    pattern: /90%[\s\S]{0,300}1,000[\s\S]{0,300}900[\s\S]{0,400}810/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Younger patients free of disease after 5 years are generally considered cured',
    pattern: /free of the disease 5 years after diagnosis is usually thought of as cured/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Survival statistics are measured every 5 years and may miss the latest 5 years of advances',
    pattern: /every 5 years[^.]*\.[^.]*most recent 5 years/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Statistics come from ACS Cancer Facts & Figures 2023 and the 2020 AYA special section, accessed February 2023',
    pattern: /Cancer Facts & Figures 2023[^.]*2020[^.]*February 2023/i,
    source: 'cancer-net-childhood-all'
  },
  // Risk factors
  {
    fact: 'Down syndrome, ataxia telangiectasia and Bloom syndrome raise leukemia risk',
    pattern: /Down syndrome, ataxia telangiectasia and Bloom syndrome/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: "An identical twin who develops ALL before age 6 raises the other twin's risk",
    pattern: /identical twin who gets ALL before age 6/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'If an identical twin develops leukemia in the first few months of life, the other almost always does',
    pattern: /first few months of life[^.]*nearly always/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Doctors do not know what causes most childhood leukemia',
    pattern: /do not know what causes most childhood leukemia/i,
    source: 'cancer-net-childhood-all'
  },
  // Symptoms
  {
    fact: 'Early signs can look like flu',
    pattern: /look a lot like flu/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Symptoms include frequent infections and a fever that does not go away',
    pattern: /infections often[\s\S]{0,40}fever that will not go away/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Symptoms include bone pain',
    pattern: /pain in the bones/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Swollen lymph nodes in the neck, armpits or groin',
    pattern: /swollen lymph nodes[^\n]*neck, the armpits or the groin/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Symptoms include difficulty breathing, headache, and an enlarged liver or spleen',
    pattern: /trouble breathing\n- headaches\n- a liver or spleen that has grown bigger/i,
    source: 'cancer-net-childhood-all'
  },
  // Diagnosis
  {
    fact: 'Doctors choose tests by suspected cancer, symptoms, age and health, and earlier results',
    pattern: /what kind of cancer they suspect[\s\S]{0,200}results of any tests done before/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'History, physical exam, CBC and bone marrow aspiration are the main diagnostic procedures',
    pattern:
      /medical history[^.]*physical examination, a complete blood count and a bone marrow aspiration/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'The blood count is abnormal in nearly all children with ALL at diagnosis',
    pattern: /Almost every child with ALL has a blood count that is abnormal/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Blood chemistry test checks kidney and liver function and salt levels',
    pattern: /blood chemistry test[^\n]*kidneys and liver[^\n]*salts/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Aspiration removes liquid marrow; biopsy removes solid tissue, both with a needle',
    pattern:
      /aspiration\*\* uses a needle[^\n]*liquid[\s\S]{0,60}biopsy\*\* uses a needle[^\n]*solid/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Samples usually taken from the pelvic bone, with anesthesia',
    pattern: /pelvic bone[^.]*\.[^.]*anesthesia/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'A pathologist analyzes the samples',
    pattern: /pathologist/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Extra marrow samples go for chromosome and molecular genetic tests and immunophenotyping',
    pattern: /Chromosome tests[\s\S]{0,300}Molecular genetic tests[\s\S]{0,200}Immunophenotyping/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Lumbar puncture (spinal tap) checks the cerebrospinal fluid for leukemia',
    pattern: /lumbar puncture is also called a spinal tap[\s\S]{0,300}checked for leukemia cells/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'All children get medicine to treat or prevent CNS leukemia at lumbar punctures at set times',
    pattern:
      /Every child with ALL is given medicine to treat or prevent leukemia in the central nervous system[^.]*\. It is given during lumbar punctures/i,
    source: 'cancer-net-childhood-all'
  },
  // Classification
  {
    fact: 'There is no staging system for childhood ALL',
    pattern: /no staging system/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Infants under 12 months and children 10 and older need more intensive treatment',
    pattern: /younger than 12 months[^.]*10 or older[^.]*more intensive/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'A white blood cell count above 50,000 per microliter is very high',
    pattern: /50,000 per microliter/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Immunophenotyping shows whether leukemia cells resemble B-cells or T-cells',
    pattern: /B-cells or of normal T-cells/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Genetic changes are in the leukemia cells; most children have completely normal genes',
    pattern: /Most children with leukemia have completely normal genes/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Response in the first 1 to 4 weeks may predict overall response',
    pattern: /first 1 to 4 weeks/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'High residual leukemia at end of induction may mean more intense treatment',
    pattern: /residual leukemia\) at the end of[^.]*remission induction/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Terms: untreated, in remission, recurrent and refractory ALL',
    pattern: /Untreated ALL[\s\S]*ALL in remission[\s\S]*Recurrent ALL[\s\S]*Refractory ALL/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Keep treating even in remission',
    pattern: /keep going with treatment while your child is in remission/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'ALL may recur in bone marrow, spinal fluid or testicles, or less often elsewhere',
    pattern: /bone marrow, the spinal fluid or the testicles, or, less often/i,
    source: 'cancer-net-childhood-all'
  },
  // Treatment overview
  {
    fact: 'More than 60% of children with cancer are treated in a clinical trial',
    pattern: /more than 60%/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Treat at a pediatric cancer center; pediatric oncologist',
    pattern: /pediatric \(children's\) cancer center[\s\S]{0,300}pediatric oncologist/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Multidisciplinary team with child life specialists, nutritionists, PT/OT, social workers, counselors',
    pattern:
      /multidisciplinary team[\s\S]{0,200}child life specialists[\s\S]{0,40}nutritionists[\s\S]{0,80}occupational therapists[\s\S]{0,30}social workers[\s\S]{0,10}counselors/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Shared decision-making',
    pattern: /shared decision-making/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Three treatments: chemotherapy, radiation, stem cell transplant; all children get chemotherapy',
    pattern: /Three kinds of treatment[\s\S]{0,200}Every child with ALL has chemotherapy/i,
    source: 'cancer-net-childhood-all'
  },
  // Chemotherapy
  {
    fact: 'Chemotherapy given by mouth, into a vein or muscle, or into the CSF',
    pattern:
      /by mouth\n- by injection into a vein\n- by injection into a muscle\n- by injection into the cerebrospinal fluid/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Four phases: induction, CNS-directed, consolidation, maintenance',
    pattern:
      /four phases[\s\S]{0,100}Remission induction[\s\S]{0,300}Central nervous system directed therapy[\s\S]{0,300}Consolidation[\s\S]{0,400}maintenance/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Maintenance lasts two to three years',
    pattern: /two to three years|2 to 3 years/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Consolidation uses higher doses or new drugs once in remission',
    pattern: /higher doses of chemotherapy, or medicines that were not used before/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Short-term chemo side effects: hair loss, fatigue, appetite loss, nausea, vomiting, diarrhea, kidney and liver problems',
    pattern:
      /hair loss\n- tiredness \(fatigue\)\n- not wanting to eat\n- feeling sick \(nausea\) and being sick \(vomiting\)\n- diarrhea\n- problems with the kidneys and the liver/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Vincristine (Oncovin, Vincasar) may cause muscle weakness and nerve pain',
    pattern:
      /vincristine \(Oncovin, Vincasar\)[\s\S]*vincristine, it may cause weak muscles and nerve pain/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'The ANC (absolute neutrophil count) is the infection-fighting count',
    pattern: /\*\*ANC\*\*, short for absolute neutrophil count/,
    source: 'curesearch-low-white-count'
  },
  {
    fact: 'ANC = (% segs + % bands) x WBC; WBC 1,000 with 20% segs and 1% bands gives 210',
    pattern: /white cell count of 1,000 with 20% segs and 1% bands gives an ANC of 210/,
    source: 'curesearch-low-white-count'
  },
  {
    fact: 'The lower the ANC, the higher the infection risk; below 500 the risk is high',
    pattern: /lower the ANC, the higher the risk of infection\. Below 500, the risk is high/,
    source: 'curesearch-low-white-count'
  },
  {
    fact: 'Longer-lasting chemo effects: bone and joint problems and learning problems',
    pattern: /problems with bones and joints and problems with learning/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Severity depends on drug, amount, duration, body processing, age and health',
    pattern: /how each child's body handles medicines, your child's age at diagnosis/i,
    source: 'cancer-net-childhood-all'
  },
  // Radiation
  {
    fact: 'Radiation oncologist; external-beam radiation is most common',
    pattern: /radiation oncologist[\s\S]{0,200}external-beam/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Radiation now mostly for recurrent or refractory ALL and, at some centers, T-cell leukemia',
    pattern:
      /recurrent\) or has not responded \(refractory\)\. Some centers also use it for children with T-cell leukemia/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Radiation side effects: hair loss, fatigue, mild skin reactions, upset stomach, loose bowel movements',
    pattern: /mild skin reactions\n- an upset stomach\n- loose bowel movements/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Radiation may raise risk of second cancers: brain tumor, skin, salivary gland, thyroid',
    pattern: /brain tumor, skin cancer, cancer of the salivary glands[^\n]*thyroid cancer/i,
    source: 'cancer-net-childhood-all'
  },
  // Transplant
  {
    fact: 'Transplant mostly for recurrent/refractory ALL, rarely first-line for very high-risk features',
    pattern:
      /In rare cases it may be recommended as part of the first treatment[^.]*very high-risk/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Hematopoietic stem cells are blood-forming cells in blood and marrow',
    pattern: /hematopoietic stem cells[^.]*\. These are blood-forming cells/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: "Allogeneic uses donor cells; autologous uses the patient's own",
    pattern:
      /Allogeneic \(ALLO\):\*\* the stem cells come from a donor[\s\S]{0,40}Autologous \(AUTO\):\*\* the stem cells are the patient's own/i,
    source: 'cancer-net-childhood-all'
  },
  // Supportive care, remission, recurrence, end of life
  {
    fact: 'Palliative care often works best started at diagnosis and brings milder symptoms, better quality of life, more satisfaction',
    pattern:
      /works best when it starts right after diagnosis[^.]*\.[^.]*milder symptoms, a better quality of life/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Remission is also called no evidence of disease (NED)',
    pattern: /no evidence of disease,?"? or NED/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Recurrent ALL treatment depends on first treatment, time since diagnosis and site(s) of recurrence',
    pattern:
      /what treatment your child had the first time\n- how long it has been between the first diagnosis and the recurrence\n- where the leukemia cells are found/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Clinical trials usually offer the best chance of cure',
    pattern: /clinical trials usually give the best chance of cure/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Hospice is for people expected to live less than 6 months; at home, hospice center or elsewhere',
    pattern: /less than 6 months[\s\S]{0,300}at home, at a special hospice center/i,
    source: 'cancer-net-childhood-all'
  },
  // Clinical trials
  {
    fact: 'Every FDA-approved drug was tested in clinical trials',
    pattern: /Food and Drug Administration \(FDA\) went through clinical trials first/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Families are always told when a placebo is used',
    pattern: /always be told if a study uses a placebo/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Informed consent and eligibility criteria',
    pattern: /informed consent[\s\S]*eligibility criteria/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'A child can leave a trial at any time',
    pattern: /out of a trial at any time/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Trial costs and insurance coverage differ; check with research team and insurer',
    pattern: /research team and your insurance company/i,
    source: 'cancer-net-childhood-all'
  },
  // Research
  {
    fact: 'MRD detection methods introduced in the 1990s',
    pattern: /1990s[^.]*\.[^.]*minimal residual disease/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Nelarabine (Arranon), a T-cell-specific drug, is being studied',
    pattern: /nelarabine \(Arranon\)[^;]*T-cell/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Blinatumomab (Blincyto), an antibody, is being studied',
    pattern: /blinatumomab \(Blincyto\), an antibody/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'CAR T-cells (chimeric antigen receptor T-cells) are being studied',
    pattern: /CAR T-cells \(chimeric antigen receptor T-cells\)/i,
    source: 'cancer-net-childhood-all'
  },
  // Coping
  {
    fact: 'Oncology social worker, counselor or clergy can help with coping',
    pattern: /oncology social worker, a counselor or a member of the clergy/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'High cost of care can stop people completing treatment',
    pattern: /cost of care stops them from following or finishing the treatment plan/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Cancer disparities and the groups more often affected',
    pattern: /cancer disparities[\s\S]{0,600}LGBTQ\+/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Questions before treatment about side effects: which, when, prevention, whom to call',
    pattern:
      /which side effects are most likely\n- when they may happen\n- what you can do to prevent them[^\n]*\n- when to call about a side effect, and whom to call/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Friends and family can help with short-term care, support, meals and chores, insurance and billing',
    pattern:
      /look after your child for short periods[\s\S]{0,150}meals or housework[\s\S]{0,30}insurance and bills/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'ASCO Answers Managing Pain is a free 36-page booklet',
    pattern: /36-page/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Cancer.Net Mobile is a free app for tracking symptoms',
    pattern: /Cancer\.Net Mobile, a free app/i,
    source: 'cancer-net-childhood-all'
  },
  // Follow-up and late effects
  {
    fact: 'All children treated for cancer should have life-long follow-up care',
    pattern: /follow-up care for life/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Follow-up checks liver disease from chemotherapy, transfusion-related infection (both very rare) and bone health',
    pattern:
      /liver disease caused by chemotherapy \(very rare\)\n- infection passed on through a blood transfusion \(also very rare\)\n- the health of your child's bones/i,
    source: 'cancer-net-childhood-all'
  },
  { fact: 'Scanxiety', pattern: /scanxiety/i, source: 'cancer-net-childhood-all' },
  {
    fact: 'Late effects include heart and lung problems, second cancers, infertility, anxiety, depression, memory/thinking/attention',
    pattern:
      /heart or the lungs\n- second cancers[\s\S]{0,150}infertility[\s\S]{0,100}anxiety and depression\n- problems with memory, thinking and attention/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Cyclophosphamide (Cytoxan, Neosar): second cancers and infertility',
    pattern:
      /\| Chemotherapy with cyclophosphamide \(Cytoxan, Neosar\) \| Second cancers; infertility/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Anthracyclines (daunorubicin/Cerubidine, doxorubicin/Adriamycin): heart problems',
    pattern:
      /\| Chemotherapy with anthracyclines, such as daunorubicin \(Cerubidine\) or doxorubicin \(Adriamycin\) \| Heart problems/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Radiation: hormone problems, second cancers, infertility, learning problems',
    pattern:
      /\| Radiation therapy \| Hormone problems that affect growth and metabolism; second cancers; infertility; learning problems/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'High-dose or spinal-fluid methotrexate and cytarabine (Cytosar-U): learning problems',
    pattern: /cytarabine \(Cytosar-U\) and methotrexate \| Learning problems/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Any tissue, radiation: benign and malignant tumors',
    pattern: /\| Any tissue \| Radiation \| Tumors, both benign/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Bone marrow: cyclophosphamide and/or etoposide (VePesid, Toposar) cause myelodysplasia and acute myeloid leukemia',
    pattern:
      /\| Bone marrow \| Cyclophosphamide[^|]*etoposide \(VePesid, Toposar\)[^|]*\| Myelodysplasia[^|]*acute myeloid leukemia/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Bones: corticosteroids (prednisone, dexamethasone) and methotrexate cause osteopenia/osteoporosis and avascular necrosis',
    pattern:
      /\| Bones \| Corticosteroids \(dexamethasone, prednisone\); methotrexate \| Weak bones \(osteopenia, osteoporosis\); damage to the joints \(avascular necrosis\)/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Brain: brain radiation, high-dose or intrathecal chemo cause thinking problems affecting learning and attention',
    pattern:
      /\| Brain \| Radiation to the brain[^|]*\| Problems with thinking skills that affect learning and attention/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Heart: anthracyclines cause cardiomyopathy',
    pattern: /\| Heart \| Anthracyclines[^|]*\| Cardiomyopathy/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Kidney: methotrexate reduces kidney function, usually short term',
    pattern: /\| Kidneys \| Methotrexate \| Kidneys work less well \(usually a short-term effect/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Liver: methotrexate causes liver inflammation, usually short term',
    pattern: /\| Liver \| Methotrexate \| Inflammation of the liver \(usually a short-term effect/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Peripheral nerves: vincristine causes motor weakness, tingling and numbness',
    pattern: /peripheral nerves\) \| Vincristine \| Weakness[^|]*tingling and numbness/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Pituitary: brain radiation lowers hormones for growth, puberty and weight control',
    pattern:
      /\| Pituitary gland[^|]*\| Radiation to the brain \| Low levels of hormones that matter for growth, puberty and weight control/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Ovaries: cyclophosphamide reduces egg follicles, infertility',
    pattern: /\| Ovaries \| Cyclophosphamide \| Fewer egg follicles; infertility/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Testes: cyclophosphamide and testicular radiation reduce sperm count, infertility',
    pattern:
      /\| Testes \(testicles\) \| Cyclophosphamide; radiation to the testicles \| Lower sperm count; infertility/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: "Children's Oncology Group long-term follow-up guidelines at survivorshipguidelines.org",
    pattern: /Children's Oncology Group[\s\S]*www\.survivorshipguidelines\.org/i,
    source: 'cancer-net-childhood-all'
  },
  // Records and survivorship
  {
    fact: 'Keep a personal health record; treatment summary and survivorship care plan; ASCO forms',
    pattern:
      /treatment summary\*\*[\s\S]{0,300}survivorship care plan\*\*[\s\S]{0,300}ASCO[^.]*forms/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Share the treatment summary and care plan with any new doctor leading follow-up',
    pattern: /give that doctor a copy of the treatment summary and the survivorship care plan/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Follow-up may be with the oncologist or a pediatrician/primary care doctor depending on several factors',
    pattern: /keep seeing their oncologist[^.]*\. Others go back to their pediatrician/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Four steps of effective coping',
    pattern:
      /understanding the challenge your family faces\n- thinking through possible solutions\n- asking others for support, and accepting it\n- feeling comfortable with the path/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Healthy living: no smoking, limit alcohol, healthy weight, eat well, manage stress, be active',
    pattern:
      /not smoking\n- limiting alcohol\n- keeping a healthy weight\n- eating well\n- managing stress\n- being physically active/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Children with school trouble should have neuropsychological testing',
    pattern: /neuropsychological testing/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Survivors should be checked for bone or joint pain from reduced blood flow',
    pattern: /checked for bone or joint pain[^.]*\. Some cancer treatments reduce blood flow/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Consider follow-up needs when choosing health insurance; Affordable Care Act',
    pattern: /Affordable Care Act/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Cancer rehabilitation: physical therapy, counseling, nutrition planning, educational help',
    pattern:
      /rehabilitation[^\n]*physical therapy, family or individual counseling, planning meals and nutrition, and help with education/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'ASCO Answers Guide to Cancer Survivorship is a free 48-page booklet with blank forms',
    pattern: /48-page[^.]*blank forms/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Caregiver role changes after treatment; family counselors can help',
    pattern: /caregiver's role often changes[\s\S]{0,300}Family counselors/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Ask whether treatment could affect fertility and about seeing a fertility specialist',
    pattern: /fertility specialist/i,
    source: 'cancer-net-childhood-all'
  },

  // Fever during treatment (near the top, before the long sections)
  {
    fact: 'Fever during treatment: call the care team straight away',
    pattern: /If your child has a fever[^.\n]*call[^.\n]*straight away/i,
    source: 'cog-fever'
  },
  {
    fact: 'Do not wait until the clinic opens',
    pattern: /Do not wait until the clinic opens/i,
    source: 'cog-fever'
  },
  {
    fact: 'Take the temperature by mouth or under the arm, not in the bottom',
    pattern: /by mouth or under the arm/i,
    source: 'cog-fever'
  },
  {
    fact: 'The fever section comes before the long sections of the guide',
    pattern:
      /^(?:(?!## )[\s\S])*## Fever during treatment: call the hospital now[\s\S]*## What ALL is/,
    source: 'cog-fever'
  },
  {
    fact: 'Below an ANC of 500 the risk of infection is high (in the fever section too)',
    pattern: /## Fever during treatment[\s\S]{0,1500}below 500/i,
    source: 'curesearch-low-white-count'
  },

  // Stem cells, explained where first used
  {
    fact: 'A stem cell is a very young cell that can grow into red cells, white cells or platelets',
    pattern:
      /stem cell is a very young cell[^.\n]*red (?:blood )?cells, white (?:blood )?cells or platelets/i,
    source: 'what-is-all-2017'
  },

  // Newer treatments, with their approval dates
  {
    fact: 'FDA approved blinatumomab for children with relapsed or refractory B-cell ALL in September 2016',
    pattern: /blinatumomab[^\n]*children[^\n]*September 2016/i,
    source: 'amgen-blinatumomab-pediatric-2016'
  },
  {
    fact: 'FDA approved blinatumomab for consolidation of Ph-negative B-cell ALL from 1 month of age on 14 June 2024',
    pattern: /14 June 2024[^\n]*consolidation[^\n]*Philadelphia chromosome-negative[^\n]*1 month/i,
    source: 'fda-blinatumomab-consolidation-2024'
  },
  {
    fact: 'FDA gave nelarabine accelerated approval on 28 October 2005 for T-cell ALL after at least two chemotherapy courses',
    pattern: /28 October 2005[^\n]*T-cell ALL[^\n]*at least two courses/i,
    source: 'nci-fda-nelarabine-2005'
  },
  {
    fact: 'FDA approved tisagenlecleucel on 30 August 2017 for people up to 25',
    pattern: /tisagenlecleucel on 30 August 2017[^\n]*up to (?:age )?25/i,
    source: 'ons-tisagenlecleucel-2017'
  },
  {
    fact: 'NICE has recommended tisagenlecleucel in England since December 2018',
    pattern: /NICE has recommended it[^\n]*since December 2018/i,
    source: 'nice-tisagenlecleucel-2024'
  },

  // Credits and dates
  {
    fact: '"What is ALL?" is Patient Power\'s page',
    pattern: /Patient Power, "What is ALL\?"/,
    source: 'what-is-all-2017'
  },
  {
    fact: 'CureSearch facts were taken on 4 December 2026',
    pattern: /CureSearch on 4 December 2026/i,
    source: 'curesearch-low-white-count'
  }
]
