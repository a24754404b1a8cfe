/** Key facts from nci-adult-all-pdq and what-is-all-2017 (and, for what the NCI patient page leaves out or has changed since, NCI's health professional summary, FDA approvals, NCI's page on emotions and Blood Cancer UK's support line) that the "Acute lymphoblastic leukemia (ALL) in adults" guide must contain (checked by tests/unit/guideFacts.test.ts). */
export const FACTS: readonly { fact: string; pattern: RegExp; source: string }[] = [
  // What ALL is
  {
    fact: 'ALL is also called acute lymphocytic leukemia',
    pattern: /acute lymphocytic leukemia/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'ALL is a cancer of the blood and bone marrow',
    pattern: /cancer of the blood and the bone marrow|cancer of the blood and bone marrow/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'In ALL the marrow overproduces lymphocytes (one kind of white cell)',
    pattern: /too many lymphocytes[^.]*\.\s*A lymphocyte is one kind of white blood cell/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'ALL usually gets worse quickly without treatment',
    pattern: /gets worse fast if it is not treated/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Treatment should start as soon as possible because ALL develops rapidly',
    pattern: /treatment begins as soon as it can/i,
    source: 'what-is-all-2017'
  },
  {
    fact: 'Support is available from patient groups',
    pattern: /patient groups/i,
    source: 'what-is-all-2017'
  },
  {
    fact: 'Bone is made of compact bone, spongy bone and bone marrow',
    pattern: /compact bone[\s\S]*spongy bone/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Yellow marrow is mostly fat',
    pattern: /yellow marrow\*?\*? is made mostly of fat/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Red marrow holds blood stem cells that become red cells, white cells or platelets',
    pattern: /red marrow\*?\*? holds blood stem cells/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'The bone marrow and thymus make blood stem cells',
    pattern: /thymus/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'A blood stem cell becomes a myeloid or a lymphoid stem cell',
    pattern: /myeloid stem cell[\s\S]{0,80}lymphoid stem cell/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'A lymphoid stem cell becomes a lymphoblast',
    pattern: /lymphoid stem cell first turns into a \*?\*?lymphoblast/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'B lymphocytes make antibodies',
    pattern: /B lymphocytes\*?\*? \(B cells\), which make antibodies/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'T lymphocytes help B lymphocytes make antibodies',
    pattern: /T lymphocytes\*?\*? \(T cells\), which help the B cells/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Natural killer cells attack cancer cells and viruses',
    pattern: /natural killer cells\*?\*?, which attack viruses and cancer cells/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Abnormal lymphoblasts cannot mature and keep multiplying in the marrow',
    pattern: /do not mature[\s\S]{0,80}multiplying/i,
    source: 'what-is-all-2017'
  },
  {
    fact: 'Crowding of the marrow causes infection, anemia and easy bleeding',
    pattern: /infections\s*\n- anemia[^\n]*\n- bleeding easily/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'ALL can spread to the CNS, lymph nodes, spleen, liver, testicles and other organs',
    pattern: /lymph nodes, the spleen, the liver, the testicles/i,
    source: 'nci-adult-all-pdq'
  },

  // Risk factors
  {
    fact: 'ALL is caused by changes in how blood stem cells grow and divide',
    pattern: /changes in the way blood stem cells work/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Risk factors raise the chance of DNA damage',
    pattern: /damage to the DNA/i,
    source: 'nci-adult-all-pdq'
  },
  { fact: 'Risk factor: being male', pattern: /being male/i, source: 'nci-adult-all-pdq' },
  { fact: 'Risk factor: being White', pattern: /being White/, source: 'nci-adult-all-pdq' },
  { fact: 'Risk factor: being older than 70', pattern: /over 70/i, source: 'nci-adult-all-pdq' },
  {
    fact: 'Risk factor: past chemotherapy or radiation therapy',
    pattern: /had chemotherapy or radiation therapy in the past/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Risk factor: high levels of environmental radiation such as nuclear radiation',
    pattern: /nuclear radiation/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Risk factor: genetic disorders such as Down syndrome',
    pattern: /Down syndrome/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Having risk factors does not mean you will get ALL',
    pattern: /does not mean a person will get ALL/i,
    source: 'nci-adult-all-pdq'
  },

  // Signs and symptoms
  { fact: 'Early signs can be like flu', pattern: /feel like flu/i, source: 'nci-adult-all-pdq' },
  {
    fact: 'Symptom: weakness or fatigue',
    pattern: /weak or very tired \(fatigue\)/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Symptom: fever or drenching night sweats',
    pattern: /fever, or heavy sweating at night/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Symptom: easy bruising or bleeding',
    pattern: /bruising or bleeding easily/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Symptom: petechiae, flat pinpoint spots under the skin from bleeding',
    pattern: /petechiae/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Symptom: shortness of breath',
    pattern: /short of breath/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Symptom: weight loss or loss of appetite',
    pattern: /losing weight, or not feeling hungry/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Symptom: pain in the bones or stomach',
    pattern: /pain in the bones or the stomach/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Symptom: pain or fullness below the ribs',
    pattern: /fullness, under the ribs/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Symptom: painless lumps in the neck, underarm, stomach or groin',
    pattern: /lumps that do not hurt, in the neck, the armpit, the stomach or the groin/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Symptom: frequent infections',
    pattern: /infections often/i,
    source: 'nci-adult-all-pdq'
  },

  // Diagnosis
  {
    fact: 'Doctor takes personal and family health history and does a physical exam',
    pattern: /health history and your family's, and will examine your body/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Complete blood count (CBC) with differential',
    pattern: /complete blood count \(CBC\) with differential/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'CBC measures hemoglobin, which carries oxygen',
    pattern: /hemoglobin \(the part of red blood cells that carries oxygen\)/i,
    source: 'nci-adult-all-pdq'
  },
  { fact: 'CBC measures hematocrit', pattern: /hematocrit/i, source: 'nci-adult-all-pdq' },
  { fact: 'Blood chemistry study', pattern: /blood chemistry study/i, source: 'nci-adult-all-pdq' },
  {
    fact: 'Peripheral blood smear checks for blast cells',
    pattern: /peripheral blood smear[\s\S]{0,80}blast cells/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Bone marrow aspiration and biopsy from the hipbone or breastbone',
    pattern: /bone marrow aspiration and biopsy[\s\S]{0,200}hipbone or the breastbone/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'A pathologist looks at the samples under a microscope',
    pattern: /pathologist/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Cytogenetic analysis looks for chromosome changes',
    pattern: /cytogenetic analysis/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Philadelphia chromosome: pieces of chromosomes 9 and 22 swap places',
    pattern: /chromosome 9 and chromosome 22/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'ABL1 joins BCR to form the BCR::ABL1 fusion gene',
    pattern: /BCR::ABL1/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Immunophenotyping uses antibodies to find markers (antigens) on cells',
    pattern: /immunophenotyping[\s\S]{0,80}antibodies/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Cytochemistry study uses dyes',
    pattern: /cytochemistry study[\s\S]{0,80}dyes/i,
    source: 'nci-adult-all-pdq'
  },
  { fact: 'Chest x-ray', pattern: /chest x-ray/i, source: 'nci-adult-all-pdq' },
  {
    fact: 'Lumbar puncture (LP, spinal tap) checks cerebrospinal fluid',
    pattern: /lumbar puncture[\s\S]{0,80}spinal tap/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'CT scan (CAT scan, computed tomography)',
    pattern: /CT scan[\s\S]{0,40}CAT scan/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'MRI (magnetic resonance imaging, also NMRI)',
    pattern: /MRI[\s\S]{0,80}NMRI/,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Some people get a second opinion',
    pattern: /second opinion/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'NCI Cancer Information Service helps in English and Spanish by phone, email or chat',
    pattern: /phone, email or chat, in English or Spanish/i,
    source: 'nci-adult-all-pdq'
  },

  // Prognosis
  { fact: 'Prognosis depends on age', pattern: /how old you are/i, source: 'nci-adult-all-pdq' },
  {
    fact: 'Prognosis depends on spread to the brain or spinal cord',
    pattern: /reached the brain or the spinal cord/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Prognosis depends on gene changes including the Philadelphia chromosome',
    pattern: /gene changes, such as the Philadelphia chromosome/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Prognosis depends on whether the cancer was treated before or came back',
    pattern: /had treatment before or come back/i,
    source: 'nci-adult-all-pdq'
  },

  // Disease states
  {
    fact: 'There is no standard staging system for ALL',
    pattern: /no standard staging system/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Untreated ALL: more than 5% of marrow cells are blasts',
    pattern: /more than 5\s*%/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Untreated ALL: the CBC is abnormal',
    pattern: /complete blood count is not normal/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Remission: 5% or fewer of marrow cells are blasts',
    pattern: /5\s*% or fewer/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Remission: the CBC is normal',
    pattern: /complete blood count is normal/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Relapse can be in the blood, the marrow or elsewhere in the body',
    pattern: /come back in the blood, in the bone marrow, or in other parts of the body/i,
    source: 'nci-adult-all-pdq'
  },

  // Phases and CNS prophylaxis
  {
    fact: 'Treatment usually has two phases',
    pattern: /usually comes in two phases/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Remission induction is the first phase',
    pattern: /### Remission induction\s+This is the first phase/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Consolidation (remission continuation) therapy is the second phase',
    pattern:
      /### Consolidation\s+This is the second phase[\s\S]{0,400}remission continuation therapy/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'CNS prophylaxis is usually given during each phase',
    pattern: /usually given in each phase/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Standard chemo doses may not reach leukemia cells hiding in the CNS',
    pattern: /leukemia cells can hide there/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'High-dose systemic chemo, intrathecal chemo and brain radiation can reach the CNS',
    pattern: /at high doses[\s\S]{0,150}radiation therapy to the brain/i,
    source: 'nci-adult-all-pdq'
  },

  // Types of treatment
  {
    fact: 'Systemic chemotherapy is given by mouth or injected into a vein or muscle',
    pattern: /swallowed[\s\S]{0,80}vein or a muscle/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Intrathecal chemotherapy goes into the cerebrospinal fluid',
    pattern: /intrathecal chemotherapy puts the drugs straight into the cerebrospinal fluid/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Intrathecal chemo can be given through an Ommaya reservoir under the scalp',
    pattern: /Ommaya reservoir/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'External radiation to the brain and spinal cord is CNS sanctuary therapy',
    pattern: /CNS sanctuary therapy/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Total-body irradiation before a stem cell transplant',
    pattern: /total-body irradiation/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Radiation can be palliative, to relieve symptoms and improve quality of life',
    pattern: /palliative therapy/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Stem cells are frozen, stored, thawed and given back by infusion',
    pattern: /frozen and stored[\s\S]{0,120}thawed/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Donor gets a medicine four to five days before stem cell collection',
    pattern: /four to five days/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'An apheresis machine removes the stem cells',
    pattern: /apheresis machine/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Biomarker tests may help predict response to targeted therapy and immunotherapy',
    pattern: /biomarker tests/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Targeted drug: imatinib mesylate',
    pattern: /imatinib mesylate/i,
    source: 'nci-adult-all-pdq'
  },
  { fact: 'Targeted drug: dasatinib', pattern: /dasatinib/i, source: 'nci-adult-all-pdq' },
  { fact: 'Targeted drug: nilotinib', pattern: /nilotinib/i, source: 'nci-adult-all-pdq' },
  { fact: 'Targeted drug: revumenib', pattern: /revumenib/i, source: 'nci-adult-all-pdq' },
  {
    fact: 'Targeted drug and immunotherapy: inotuzumab ozogamicin',
    pattern: /inotuzumab ozogamicin/i,
    source: 'nci-adult-all-pdq'
  },
  { fact: 'Immunotherapy: blinatumomab', pattern: /blinatumomab/i, source: 'nci-adult-all-pdq' },
  {
    fact: 'CAR T-cell therapy: tisagenlecleucel',
    pattern: /tisagenlecleucel/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'CAR T-cell therapy: brexucabtagene autoleucel',
    pattern: /brexucabtagene autoleucel/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'CAR T cells carry a chimeric antigen receptor and are grown by the millions',
    pattern: /chimeric antigen receptor[\s\S]{0,120}Millions/i,
    source: 'nci-adult-all-pdq'
  },

  // Treatment by disease state
  {
    fact: 'Induction: combination chemotherapy',
    pattern: /remission induction, treatment may include:\s*\n- combination chemotherapy/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Induction: imatinib for certain patients, some also with combination chemo',
    pattern:
      /targeted therapy with imatinib for people whose ALL is Philadelphia chromosome-positive; some of them will have combination chemotherapy/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Induction: supportive care with antibiotics and red cell and platelet transfusions',
    pattern: /antibiotics and transfusions of red blood cells and platelets/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'CNS prophylaxis: intrathecal and/or systemic chemo with or without brain radiation',
    pattern: /intrathecally, systemically or both, with or without radiation therapy to the brain/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Remission: targeted therapy with imatinib, dasatinib or nilotinib',
    pattern: /imatinib, dasatinib or nilotinib/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Remission: chemotherapy with stem cell transplant',
    pattern:
      /post-remission phase, treatment may include:[\s\S]{0,120}chemotherapy with a stem cell transplant/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Recurrent: combination chemotherapy followed by stem cell transplant',
    pattern: /combination chemotherapy, then a stem cell transplant/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Recurrent: blinatumomab or inotuzumab followed by stem cell transplant',
    pattern: /blinatumomab or inotuzumab ozogamicin, then a stem cell transplant/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Recurrent: low-dose palliative radiation',
    pattern: /radiation therapy at a low dose, as palliative care/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Recurrent: dasatinib or revumenib for certain patients',
    pattern: /revumenib or dasatinib, for some people/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Recurrent: CAR T-cell therapy for certain patients',
    pattern:
      /CAR T-cell therapy with tisagenlecleucel or brexucabtagene autoleucel, for some people/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: "Trials for recurrent ALL study transplant with the patient's own stem cells",
    pattern: /transplant that uses the person's own stem cells/i,
    source: 'nci-adult-all-pdq'
  },

  // Trials, side effects, follow-up
  {
    fact: 'Treatment trials test new treatments or new ways of using current ones',
    pattern: /treatment trials\*?\*? test new treatments/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Supportive care and palliative care trials',
    pattern: /supportive care and palliative care trials/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'A better new treatment may become standard',
    pattern: /may become the standard/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Some trials only accept patients who have not started treatment',
    pattern: /only take people who have not started treatment/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Trials supported by others are on ClinicalTrials.gov',
    pattern: /ClinicalTrials\.gov/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'NCI Cancer Information Service: 1-800-4-CANCER (1-800-422-6237)',
    pattern: /1-800-4-CANCER \(1-800-422-6237\)/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Late effects begin after treatment and can last months or years',
    pattern: /late effects[\s\S]{0,80}months or years/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Late effects may include the risk of second cancers',
    pattern: /second cancer/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Long-term survivors need regular follow-up check-ups',
    pattern: /long term, regular follow-up check-ups are very important/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Diagnostic tests may be repeated to see how treatment is working and guide decisions',
    pattern: /carry on with treatment, change it or stop it/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Some tests continue after treatment to check for change or recurrence',
    pattern: /after treatment has finished[\s\S]{0,120}come back/i,
    source: 'nci-adult-all-pdq'
  },

  // Which ALL the TKIs are for (NCI's summary for health professionals)
  {
    fact: 'Imatinib, dasatinib and nilotinib are TKIs for Philadelphia chromosome-positive ALL',
    pattern: /imatinib, dasatinib and nilotinib[^\n]*Philadelphia chromosome-positive ALL/i,
    source: 'nci-adult-all-pdq-hp'
  },
  {
    fact: 'These TKIs block the BCR::ABL1 tyrosine kinase',
    pattern: /block the signal[^.\n]*BCR::ABL1/i,
    source: 'nci-adult-all-pdq-hp'
  },
  {
    fact: 'Dasatinib for Philadelphia chromosome-positive ALL that has come back',
    pattern: /dasatinib for Philadelphia chromosome-positive ALL that has come back/i,
    source: 'nci-adult-all-pdq-hp'
  },

  // Blinatumomab beyond relapse (FDA approvals since the NCI page's list)
  {
    fact: 'FDA approved blinatumomab for ALL in remission with minimal residual disease in March 2018',
    pattern: /minimal residual disease[^\n]*March 2018/i,
    source: 'blincyto-mrd-2018'
  },
  {
    fact: 'FDA approved blinatumomab for consolidation of Ph-negative B-cell ALL on 14 June 2024',
    pattern: /consolidation[^\n]*Philadelphia chromosome-negative[^\n]*14 June 2024/i,
    source: 'fda-blinatumomab-consolidation-2024'
  },

  // Coping and support
  {
    fact: 'Strong and changing feelings are normal with cancer',
    pattern: /these feelings are normal/i,
    source: 'nci-coping-feelings'
  },
  {
    fact: 'Learning about the illness helps many people feel less afraid',
    pattern: /Learning the facts[^.\n]*less afraid/i,
    source: 'nci-coping-feelings'
  },
  {
    fact: 'Support groups meet in person and online',
    pattern: /support groups?[^.\n]*in person[^.\n]*online/i,
    source: 'nci-coping-feelings'
  },
  {
    fact: 'A social worker or nurse can point to help with costs, insurance and rides',
    pattern: /social worker or nurse[^.\n]*(?:costs|insurance)/i,
    source: 'nci-coping-feelings'
  },
  {
    fact: 'Signs of depression lasting more than 2 weeks: tell the doctor; depression can be treated',
    pattern:
      /more than 2 weeks[\s\S]{0,200}can be treated|can be treated[\s\S]{0,200}more than 2 weeks/i,
    source: 'nci-coping-feelings'
  },
  {
    fact: 'Thoughts of suicide: 911 in an emergency, or call, text or chat 988',
    pattern: /911[^\n]*988/,
    source: 'nci-coping-feelings'
  },
  {
    fact: 'Blood Cancer UK support line 0808 2080 888',
    pattern: /0808 2080 888/,
    source: 'blood-cancer-uk-all-relapse'
  },

  // Credits and dates
  {
    fact: '"What is ALL?" is Patient Power\'s page',
    pattern: /Patient Power, "What is ALL\?"/,
    source: 'what-is-all-2017'
  }
]
