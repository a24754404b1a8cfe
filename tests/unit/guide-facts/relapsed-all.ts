/** Key facts from blood-cancer-uk-all-relapse, nci-adult-all-pdq and cancer-net-childhood-all (and, for what changed since they were written, NCI's health professional summaries, FDA labels and approvals, LiverTox and NICE) that the "When ALL comes back (relapsed and refractory ALL)" guide must contain (checked by tests/unit/guideFacts.test.ts). */
export const FACTS: readonly { fact: string; pattern: RegExp; source: string }[] = [
  // What relapse, refractory and remission mean
  {
    fact: 'Relapse (recurrent ALL) means the leukemia comes back after a remission',
    pattern: /relapse means the leukemia has come back after a time in remission/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Adult ALL can return in blood, marrow or elsewhere in the body',
    pattern: /in the blood, in the bone marrow, or in other parts of the body/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Childhood ALL can return in marrow, spinal fluid, testicles, or (less often) other sites',
    pattern: /bone marrow, in the spinal fluid, in the testicles, or less often somewhere else/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Refractory ALL did not go into remission despite remission induction',
    pattern:
      /Refractory ALL is leukemia that did not go into remission even though remission induction was given/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Remission: normal CBC',
    pattern: /complete blood count \(CBC\)[^\n]*is normal/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Remission: 5% or fewer blasts in the marrow',
    pattern: /no more than 5% of the cells are blasts/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Untreated ALL: more than 5% blasts in the marrow',
    pattern: /more than 5% of the marrow cells/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Remission is also called no evidence of disease (NED)',
    pattern: /no evidence of disease[^\n]*NED/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Remission may be temporary or permanent; many are permanent',
    pattern: /temporary or it can last for good[\s\S]{0,80}many remissions are permanent/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Treatment must continue in remission to keep leukemia from returning',
    pattern: /keep having treatment even while in remission/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Advanced or terminal leukemia: cannot be cured or controlled',
    pattern: /advanced or terminal leukemia[^\n]*cannot be cured or controlled/i,
    source: 'cancer-net-childhood-all'
  },

  // Why and how often
  {
    fact: 'Relapse happens because leukemia cells remain, often resistant to the drugs',
    pattern: /some leukemia cells are left behind[\s\S]{0,80}resistant/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'As many as 9 out of 10 adults (90%) go into remission, which is not necessarily a cure',
    pattern:
      /9 out of 10 adults with ALL \(90%\) go into remission\. This does not always mean they are cured/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'In trials in adults, a second remission induction with chemotherapy worked for about 4 in 10 (40%)',
    pattern: /4 (?:out of|in) 10 adults \(40%\)/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'About 85% of children with a marrow relapse reach a second remission after the first month of reinduction',
    pattern: /about 85 in 100 children[^\n]*\(85%\)[^\n]*first month/i,
    source: 'nci-childhood-all-pdq-hp'
  },
  {
    fact: 'Second remission: about 70% after an early marrow relapse, about 95% after a late one',
    pattern: /sooner after diagnosis[^\n]*about 70%[^\n]*later[^\n]*about 95%/i,
    source: 'nci-childhood-all-pdq-hp'
  },
  {
    fact: 'Children free of disease after 5 years are generally considered cured; recurrence after that is rare',
    pattern: /free of the disease after 5 years[\s\S]{0,120}rarely comes back/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Time between diagnosis and recurrence shapes relapse treatment in children',
    pattern: /how long it was between the first diagnosis and the relapse/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Infants under 12 months and children 10 and older need more intensive treatment',
    pattern: /younger than 12 months and children aged 10 and older/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Very high white count means more than 50,000 per microliter',
    pattern: /more than 50,000 per microliter/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Response in the first 1 to 4 weeks may predict overall response',
    pattern: /first 1 to 4 weeks/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Minimal residual disease (MRD) testing, introduced in the 1990s',
    pattern: /minimal residual disease \(MRD\)[\s\S]{0,200}1990s/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Adult prognosis depends on age, CNS spread, gene changes incl. Philadelphia chromosome, and prior treatment or recurrence',
    pattern:
      /how old the person is\n- whether the leukemia has spread to the brain or spinal cord\n- certain gene changes, including the Philadelphia chromosome[^\n]*\n- whether the leukemia has been treated before or has come back/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'CNS prophylaxis (high-dose chemo, intrathecal chemo, brain radiation) lowers the chance of recurrence',
    pattern:
      /CNS prophylaxis[\s\S]{0,400}intrathecal chemotherapy[\s\S]{0,300}radiation therapy to the brain/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Intrathecal chemotherapy can be given through an Ommaya reservoir',
    pattern: /Ommaya reservoir/i,
    source: 'nci-adult-all-pdq'
  },

  // Tests
  {
    fact: 'A recurrence starts a new round of testing',
    pattern: /new round of tests starts/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Tests: CBC with differential and peripheral blood smear',
    pattern: /CBC\) with differential[\s\S]*Peripheral blood smear/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Tests: bone marrow aspiration and biopsy',
    pattern: /bone marrow aspiration and biopsy/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Tests: lumbar puncture (spinal tap)',
    pattern: /lumbar puncture \(spinal tap/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Tests: cytogenetic analysis and immunophenotyping',
    pattern: /cytogenetic analysis[\s\S]*immunophenotyping/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Biomarker tests may predict response to targeted therapy and immunotherapy drugs',
    pattern: /biomarker tests[^\n]*targeted therapy or immunotherapy/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Relapse treatment in children depends on prior treatment, time to relapse and site(s)',
    pattern: /the treatment your child had the first time/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Some people get a second opinion',
    pattern: /second opinion/i,
    source: 'nci-adult-all-pdq'
  },

  // Treatments
  {
    fact: 'Recurrent ALL: combination chemotherapy followed by stem cell transplant',
    pattern: /combination chemotherapy\) \| followed by a stem cell transplant/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Usual first step after relapse is to repeat remission induction, possibly more intense',
    pattern:
      /go through remission induction again\. This time the treatment may need to be stronger/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'Recurrence in children often uses chemo, radiation and/or transplant in a different combination or pace',
    pattern: /different mix or at a different pace/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Blinatumomab (Blincyto)',
    pattern: /blinatumomab \(brand name Blincyto\)/i,
    source: 'cancer-net-childhood-all'
  },
  { fact: 'Inotuzumab ozogamicin', pattern: /inotuzumab ozogamicin/i, source: 'nci-adult-all-pdq' },
  {
    fact: 'Blood Cancer UK: the NHS has started to offer blinatumomab and inotuzumab for relapsed ALL',
    pattern: /NHS has started to offer/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'NICE recommended blinatumomab for adults with relapsed Philadelphia-negative ALL in 2017',
    pattern: /In 2017, NICE recommended blinatumomab/i,
    source: 'amgen-nice-blinatumomab-2017'
  },
  {
    fact: 'NICE recommended inotuzumab for adults with relapsed or refractory B-cell ALL in 2018',
    pattern: /In 2018, NICE recommended (?:it|inotuzumab)/i,
    source: 'nice-ta541-inotuzumab'
  },
  {
    fact: 'Blinatumomab boxed warning: cytokine release syndrome and neurological toxicities',
    pattern: /boxed warning[^\n]*cytokine release syndrome[^\n]*brain and nerves/i,
    source: 'fda-blincyto-label'
  },
  {
    fact: 'FDA approved blinatumomab for children with relapsed or refractory ALL in September 2016',
    pattern: /children with B-cell ALL that has come back or not responded[^\n]*September 2016/i,
    source: 'amgen-blinatumomab-pediatric-2016'
  },
  {
    fact: 'FDA approved blinatumomab for ALL in remission with minimal residual disease in March 2018',
    pattern: /minimal residual disease[^\n]*March 2018/i,
    source: 'blincyto-mrd-2018'
  },
  {
    fact: 'FDA approved blinatumomab for consolidation of Ph-negative B-cell ALL from 1 month of age on 14 June 2024',
    pattern: /14 June 2024[^\n]*consolidation[^\n]*Philadelphia chromosome-negative[^\n]*1 month/i,
    source: 'fda-blinatumomab-consolidation-2024'
  },
  {
    fact: 'Inotuzumab ozogamicin is an antibody-drug conjugate',
    pattern: /Besponsa[\s\S]{0,200}antibody-drug conjugate/i,
    source: 'livertox-inotuzumab'
  },
  {
    fact: 'Inotuzumab carries calicheamicin into CD22-positive leukemia cells',
    pattern: /calicheamicin[\s\S]{0,300}CD22|CD22[\s\S]{0,300}calicheamicin/i,
    source: 'livertox-inotuzumab'
  },
  {
    fact: 'Inotuzumab boxed warning: liver damage including hepatic veno-occlusive disease',
    pattern: /boxed warning[^\n]*veno-occlusive disease/i,
    source: 'fda-besponsa-label'
  },
  {
    fact: 'The risk of veno-occlusive disease is higher when a stem cell transplant follows',
    pattern: /risk is higher when a stem cell transplant follows/i,
    source: 'fda-besponsa-label'
  },
  {
    fact: 'More deaths not caused by leukemia after a transplant that follows inotuzumab',
    pattern: /deaths from causes other than leukemia/i,
    source: 'fda-besponsa-label'
  },
  {
    fact: 'FDA approved inotuzumab for adults in 2017',
    pattern: /FDA approved it for adults[^.\n]*in 2017/i,
    source: 'livertox-inotuzumab'
  },
  {
    fact: 'FDA approved inotuzumab for children aged 1 year and older on 6 March 2024',
    pattern: /6 March 2024[^\n]*1 year/i,
    source: 'fda-inotuzumab-pediatric-2024'
  },
  {
    fact: 'They are monoclonal antibodies that attach to leukemia cells so the immune system can kill them',
    pattern:
      /monoclonal antibody[^\n]*sticks to leukemia cells so that the immune system can find them and kill them/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'Promising trial results and fewer unpleasant side effects',
    pattern:
      /promising results in clinical trials and tends to cause fewer unpleasant side effects/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'Fewer side effects does not mean none (qualified for both antibody drugs)',
    pattern: /Fewer does not mean none/i,
    source: 'fda-blincyto-label'
  },
  {
    fact: 'Immunotherapy (blinatumomab or inotuzumab) followed by stem cell transplant for recurrent ALL',
    pattern:
      /Immunotherapy with blinatumomab or inotuzumab ozogamicin \| followed by a stem cell transplant/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'If remission is reached after relapse, a stem cell transplant may be recommended',
    pattern: /reach remission, your care team may recommend a stem cell transplant/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'Transplant is most often used for recurrent or refractory ALL',
    pattern: /transplant is most often used for ALL that has come back or is refractory/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Allogeneic (donor) and autologous (own) transplants',
    pattern: /Allogeneic \(ALLO\)[\s\S]{0,120}Autologous \(AUTO\)/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: "Transplant with the patient's own stem cells is being studied for recurrent ALL",
    pattern: /person's own stem cells are being studied in clinical trials/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Donor gets a medicine 4 to 5 days before collection; apheresis machine',
    pattern: /Four to five days beforehand[\s\S]{0,200}apheresis machine/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Total-body irradiation may be used before transplant',
    pattern: /total-body irradiation/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'CAR T-cell therapy with tisagenlecleucel',
    pattern: /tisagenlecleucel/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'FDA gave nelarabine accelerated approval on 28 October 2005 for T-cell ALL after at least two chemotherapy courses',
    pattern: /28 October 2005[^\n]*T-cell ALL[^\n]*at least two courses/i,
    source: 'nci-fda-nelarabine-2005'
  },
  {
    fact: 'FDA approved tisagenlecleucel on 30 August 2017 for people up to 25 with refractory or second-relapse B-cell ALL',
    pattern: /30 August 2017[^\n]*up to (?:age )?25/i,
    source: 'ons-tisagenlecleucel-2017'
  },
  {
    fact: 'NICE has recommended tisagenlecleucel for people 25 and under since December 2018 (TA554, then TA975)',
    pattern: /since December 2018[^\n]*TA554[^\n]*TA975/i,
    source: 'nice-tisagenlecleucel-2024'
  },
  {
    fact: 'NICE recommended brexucabtagene autoleucel for people 26 and over in 2023 (TA893)',
    pattern: /brexucabtagene autoleucel[^\n]*2023 \(TA893\)/i,
    source: 'nice-brexucabtagene-2023'
  },
  {
    fact: 'NICE recommended obecabtagene autoleucel for people 26 and over in 2025 (TA1116)',
    pattern: /obecabtagene autoleucel[^\n]*2025 \(TA1116\)/i,
    source: 'nice-ta1116-obecabtagene'
  },
  {
    fact: 'CAR T-cell therapy with brexucabtagene autoleucel',
    pattern: /brexucabtagene autoleucel/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'CAR = chimeric antigen receptor; millions of cells grown and infused',
    pattern: /chimeric antigen receptor[\s\S]{0,200}millions/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Blood Cancer UK describes CAR-T as being trialled and a possible option for hard-to-treat ALL',
    pattern:
      /being tested in trials for some people with relapsed ALL[^\n]*hard to treat another option/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'Low-dose radiation as palliative care for recurrent ALL',
    pattern: /Low-dose radiation[^\n]*palliative care/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'In children, radiation is now mostly reserved for recurrent or refractory disease (and some T-cell leukemia)',
    pattern:
      /usually kept for leukemia that has come back or is refractory, and in some centers for T-cell leukemia/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Long-term radiation effects include second cancers (brain tumor, skin, salivary gland, thyroid)',
    pattern: /brain tumor and cancers of the skin, the salivary glands or the thyroid/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Revumenib for certain patients with recurrent ALL',
    pattern: /dasatinib or revumenib/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Nelarabine (Arranon) is being studied',
    pattern: /nelarabine \(Arranon\)/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Vincristine can cause muscle weakness and nerve pain',
    pattern: /vincristine can cause muscle weakness and nerve pain/i,
    source: 'cancer-net-childhood-all'
  },

  // Philadelphia-positive
  {
    fact: 'Philadelphia chromosome: chromosomes 9 and 22 swap; BCR::ABL1 fusion gene',
    pattern: /chromosome 9 and chromosome 22[\s\S]{0,300}BCR::ABL1/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'Ph+ relapse after imatinib (or no remission): more chemo with a different TKI',
    pattern:
      /relapses after chemotherapy with imatinib, or imatinib treatment did not bring remission[^\n]*different TKI/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'TKI stands for tyrosine kinase inhibitor',
    pattern: /tyrosine kinase inhibitors, or TKIs/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'Dasatinib for relapse or no response after treatment including imatinib',
    pattern:
      /\*\*Dasatinib\*\* can be used for people whose leukemia came back, or did not respond, after treatment that included imatinib/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'Ponatinib is another option',
    pattern: /\*\*Ponatinib\*\* is another TKI/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'NCI (health professional summary) ties imatinib, nilotinib and dasatinib to Philadelphia-positive ALL',
    pattern:
      /summary for health professionals[^\n]*imatinib[^\n]*Ph-positive[^\n]*imatinib, nilotinib or dasatinib/i,
    source: 'nci-adult-all-pdq-hp'
  },

  // Clinical trials
  {
    fact: 'After relapse you may be offered another clinical trial',
    pattern: /if you relapse, you may be offered a chance to join another clinical trial/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'For recurrent childhood ALL, clinical trials typically offer the best chance of cure',
    pattern: /clinical trials usually offer the best chance of a cure/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'More than 60% of children with cancer are treated in a clinical trial',
    pattern: /more than 60% of children/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Informed consent and eligibility criteria; can leave at any time; told if placebo used',
    pattern:
      /informed consent[\s\S]*eligibility criteria[\s\S]*leave a trial at any time[\s\S]*placebo/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'NCI trial search and ClinicalTrials.gov',
    pattern: /ClinicalTrials\.gov/i,
    source: 'nci-adult-all-pdq'
  },
  {
    fact: 'NCI Cancer Information Service 1-800-4-CANCER (1-800-422-6237)',
    pattern: /1-800-4-CANCER \(1-800-422-6237\)/i,
    source: 'nci-adult-all-pdq'
  },

  // Palliative and end-of-life care
  {
    fact: 'Some people decide to stop active treatment and ask for palliative care',
    pattern: /decide not to have any more active treatment[\s\S]{0,120}palliative care/i,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'Palliative care works best started early; less severe symptoms, better quality of life, more satisfaction',
    pattern: /milder symptoms and a better quality of life, and say they are more satisfied/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Hospice care is for people expected to live less than 6 months',
    pattern: /less than 6 months/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Hospice options: home, hospice center, other settings',
    pattern: /hospice care at home\n- a special hospice center/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Comfort and freedom from pain are vital at the end of life',
    pattern: /physically comfortable and free of pain/i,
    source: 'cancer-net-childhood-all'
  },
  {
    fact: 'Pediatric cancer centers offer grief support',
    pattern: /support groups to help with grieving/i,
    source: 'cancer-net-childhood-all'
  },

  // Coping and support
  {
    fact: 'Disbelief or fear are common when ALL recurs; ask about support services',
    pattern: /disbelief or fear[\s\S]{0,200}support services/i,
    source: 'cancer-net-childhood-all'
  },
  { fact: 'Scanxiety', pattern: /scanxiety/i, source: 'cancer-net-childhood-all' },
  {
    fact: 'Blood Cancer UK support line 0808 2080 888',
    pattern: /0808 2080 888/,
    source: 'blood-cancer-uk-all-relapse'
  },
  {
    fact: 'Blood Cancer UK has information for young adults',
    pattern: /information for young adults/i,
    source: 'blood-cancer-uk-all-relapse'
  }
]
